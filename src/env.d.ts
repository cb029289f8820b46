declare namespace App {
  interface Locals {
    /** The report edition whose chapters are being rendered (`normandie/2023/v1`): components bound to data read from it. */
    reportId?: string;
  }
}
