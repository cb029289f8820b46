declare namespace App {
  interface Locals {
    /** The report whose chapters are being rendered: components bound to data read from it. */
    reportId?: string;
  }
}
