import { SectionLanding } from './SectionLanding';

export default function Administration() {
  return <SectionLanding section="administration" />;
}
