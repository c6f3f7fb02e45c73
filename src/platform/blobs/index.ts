export { createBlobStore, type BlobInfo, type BlobSource, type BlobStore, type BlobStoreOptions, type StoredBlob } from './store.ts';
export { BLOB_USES, PLAIN_TEXT, type BlobUse, type BlobUseName } from './uses.ts';
