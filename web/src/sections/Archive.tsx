// The archive section is the archivists' console (web/src/archive/).
export { default } from '../archive/ArchiveConsole';
