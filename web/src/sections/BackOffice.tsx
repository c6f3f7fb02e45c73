import { SectionLanding } from './SectionLanding';

export default function BackOffice() {
  return <SectionLanding section="backOffice" />;
}
