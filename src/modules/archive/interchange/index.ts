/**
 * Interchange (docs/archive/bagit.md): a package exported as a BagIt 1.0 bag, and a bag from
 * another system imported as a package.
 */
export { archiveExportCommand, archiveImportCommand, interchangeUsage } from './commands.ts';
export { exportPackage, type ExportedBag, type InterchangeDeps } from './export.ts';
export { importBag, type ImportedBag, type ImportOptions } from './import.ts';

/**
 * An import a crash interrupted is rolled back, never resumed: the bag it read from cannot be
 * trusted to be there still, nor to be the same. Running the import again takes it in whole.
 */
export const resumeImportedBag = async (): Promise<null> => null;
