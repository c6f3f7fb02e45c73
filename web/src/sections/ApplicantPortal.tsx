import { SectionLanding } from './SectionLanding';

export default function ApplicantPortal() {
  return <SectionLanding section="applicant" />;
}
