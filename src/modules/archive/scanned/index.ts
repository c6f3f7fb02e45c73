export { identifyFormat, type ClaimedFormat, type IdentifiedFormat } from './identify.ts';
export { SCANNED_FORMATS, type ScannedMediaType } from './formats.ts';
export { OCR_LANGUAGES, type OcrLanguage } from './ocr-engine.ts';
export {
  createTextRecogniser,
  type OcrProgress,
  type RecognisedPage,
  type RecognisedText,
  type ScannedFile,
  type TextRecogniser,
  type TextRecogniserOptions,
} from './recognise.ts';
