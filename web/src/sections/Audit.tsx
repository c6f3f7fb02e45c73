import { SectionLanding } from './SectionLanding';

export default function Audit() {
  return <SectionLanding section="audit" />;
}
