import { SluiceRuntimeError } from '../errors.ts'

const MIB = 1024 * 1024

/**
 * Lambda's size quotas for a .zip deployment package, in bytes, as `GetAccountSettings` reports them
 * (`CodeSizeUnzipped` 262144000, `CodeSizeZipped` 52428800). The unzipped quota counts the function's layers
 * too; the zipped one applies to a direct upload (API, SDK, console), not to a package Lambda reads from S3.
 *
 * @example
 * PACKAGE_LIMITS.unzippedBytes // 262144000 (250 MB)
 */
export const PACKAGE_LIMITS = {
  unzippedBytes: 250 * MIB,
  directUploadZippedBytes: 50 * MIB,
} as const

/**
 * The sizes of a package to check against {@link PACKAGE_LIMITS}.
 *
 * @example
 * const size: PackageSize = { unzippedBytes: 1_534_000, zippedBytes: 411_000 }
 */
export interface PackageSize {
  /** Sum of the uncompressed sizes of the files in the zip. */
  readonly unzippedBytes: number
  /** Size of the zip file itself. */
  readonly zippedBytes: number
}

/**
 * Checks a package against Lambda's quotas: past 250 MB unzipped Lambda refuses it however it is uploaded, so this
 * throws `PACKAGE_TOO_LARGE`; past 50 MB zipped only a direct upload is refused, so this returns a warning that
 * says to upload through S3 (what `sam deploy` and CDK do). Returns the warnings, empty when the package fits.
 *
 * @example
 * checkPackageSize({ unzippedBytes: 1_200_000, zippedBytes: 310_000 }) // []
 */
export function checkPackageSize(size: PackageSize): string[] {
  for (const [name, bytes] of Object.entries(size)) {
    if (!Number.isSafeInteger(bytes) || bytes < 0) {
      throw new SluiceRuntimeError(
        'RUNTIME_INVALID_OPTION',
        `${name} ${String(bytes)} is not a size in bytes`,
      )
    }
  }
  if (size.unzippedBytes > PACKAGE_LIMITS.unzippedBytes) {
    throw new SluiceRuntimeError(
      'PACKAGE_TOO_LARGE',
      `the package is ${formatBytes(size.unzippedBytes)} unzipped, over Lambda's 250 MB limit (layers included): ` +
        'leave the AWS SDK external (drop --bundle-sdk), move large assets to S3, or deploy a container image',
    )
  }
  if (size.zippedBytes > PACKAGE_LIMITS.directUploadZippedBytes) {
    return [
      `the zip is ${formatBytes(size.zippedBytes)}, over the 50 MB limit of a direct upload to Lambda: ` +
        'upload it through S3 (sam deploy and cdk deploy do; with the CLI, --s3-bucket/--s3-key)',
    ]
  }
  return []
}

/**
 * Bytes as people read them: `812 B`, `41.3 kB`, `2.15 MB` (1 kB = 1024 B, as Lambda's quotas count).
 *
 * @example
 * formatBytes(52_428_800) // '50.0 MB'
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < MIB) return `${(bytes / 1024).toFixed(1)} kB`
  return `${(bytes / MIB).toFixed(bytes < 10 * MIB ? 2 : 1)} MB`
}
