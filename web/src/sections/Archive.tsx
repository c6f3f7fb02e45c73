import { SectionLanding } from './SectionLanding';

export default function Archive() {
  return <SectionLanding section="archive" />;
}
