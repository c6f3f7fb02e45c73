import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../shell/ErrorAlert';
import { prepareDecoder, qrInFrame } from './qrImage';

type CameraState = 'idle' | 'starting' | 'scanning' | 'denied' | 'unavailable';

/** How often a frame is read: often enough to feel immediate, rarely enough to spare a phone's battery. */
const frameEveryMs = 250;

/**
 * Scanning a document's QR code with the device's camera (the back one on a phone). Nothing leaves
 * the browser but the code's text; the camera stops as soon as a code is read or the page is left.
 * Browsers offer the camera only on secure pages (https, or localhost) and after the person allows it.
 */
export function CameraScan({ onPayload }: { onPayload(payload: string): void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<CameraState>('idle');
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const found = useRef(onPayload);
  found.current = onPayload;

  function stop() {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
  }

  useEffect(() => stop, []);

  useEffect(() => {
    if (state !== 'scanning') return;
    const element = video.current;
    if (!element || !stream.current) return;
    element.srcObject = stream.current;
    void element.play().catch(() => undefined);
    const canvas = document.createElement('canvas');
    let reading = false;
    const timer = setInterval(() => {
      if (reading) return;
      reading = true;
      qrInFrame(element, canvas)
        .then((payload) => {
          if (payload === null) return;
          clearInterval(timer);
          stop();
          setState('idle');
          found.current(payload);
        })
        .catch(() => undefined)
        .finally(() => {
          reading = false;
        });
    }, frameEveryMs);
    return () => clearInterval(timer);
  }, [state]);

  async function start() {
    if (!navigator.mediaDevices?.getUserMedia) {
      setState('unavailable');
      return;
    }
    setState('starting');
    prepareDecoder();
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
      setState('scanning');
    } catch (failure) {
      const name = failure instanceof DOMException ? failure.name : '';
      setState(name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'unavailable');
    }
  }

  const scanning = state === 'scanning';
  return (
    <div className="stack">
      <p>{t('verify.camera.intro')}</p>
      {state === 'denied' ? <p className="alert alert--warning">{t('verify.camera.denied')}</p> : null}
      {state === 'unavailable' ? <p className="alert alert--warning">{t('verify.camera.unavailable')}</p> : null}
      <StatusMessage message={scanning ? t('verify.camera.scanning') : null} />
      {scanning ? <video ref={video} className="verify-camera" muted playsInline aria-label={t('verify.camera.view')} /> : null}
      <div className="actions">
        {scanning ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              stop();
              setState('idle');
            }}
          >
            {t('verify.camera.stop')}
          </button>
        ) : (
          <button type="button" className="button" disabled={state === 'starting'} onClick={() => void start()}>
            {t('verify.camera.start')}
          </button>
        )}
      </div>
    </div>
  );
}
