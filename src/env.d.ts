declare namespace App {
  interface Locals {
    /** The report edition whose chapters are being rendered (`<region>/<year>/v<N>`): components bound to data read from it. */
    reportId?: string;
  }
}
