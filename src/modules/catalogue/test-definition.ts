import type { ProcedureDefinition } from './definition.ts';

const t = (fr: string, ar: string, en: string) => ({ fr, ar, en });

/**
 * A small, valid definition for tests: Commerce reviews, may forward to Health, the applicant may
 * be asked to correct or may withdraw. Tests change one thing at a time on top of it.
 */
export function aDefinition(): ProcedureDefinition {
  return {
    id: 'test-permit',
    version: 1,
    agency: 'COMMERCE',
    title: t('Permis de test', 'رخصة اختبار', 'Test permit'),
    description: t('Un permis pour les tests.', 'رخصة للاختبارات.', 'A permit for tests.'),
    applicants: ['business'],
    form: {
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['companyName', 'tonnes'],
        properties: {
          companyName: { type: 'string', minLength: 2 },
          tonnes: { type: 'number', exclusiveMinimum: 0 },
          goods: { type: 'array', items: { type: 'object', properties: { hsCode: { type: 'string', pattern: '^[0-9]{6}$' } } } },
        },
      },
      layout: [{ title: t('Entreprise', 'الشركة', 'Company'), fields: ['companyName', 'tonnes', 'goods'] }],
      labels: {
        companyName: t('Raison sociale', 'الاسم التجاري', 'Company name'),
        tonnes: t('Quantité (t)', 'الكمية (طن)', 'Quantity (t)'),
        goods: t('Marchandises', 'البضائع', 'Goods'),
        'goods[].hsCode': t('Code SH', 'رمز النظام المنسق', 'HS code'),
      },
      example: { companyName: 'Kandara Riz Import SARL', tonnes: 20, goods: [{ hsCode: '100630' }] },
    },
    attachments: [{ kind: 'invoice', label: t('Facture', 'فاتورة', 'Invoice'), required: true, types: ['application/pdf'], maxSizeMb: 5 }],
    fees: [
      { kind: 'fixed', label: t('Frais de dossier', 'رسوم الملف', 'File fee'), amount: 10000 },
      { kind: 'per_unit', label: t('Par tonne', 'لكل طن', 'Per tonne'), field: 'tonnes', unitAmount: 500 },
    ],
    workflow: {
      initial: 'in_review',
      states: [
        { id: 'in_review', label: t('En instruction', 'قيد الدراسة', 'In review'), holder: 'agency', deadlineWorkingDays: 5 },
        { id: 'health_review', label: t('Avis Santé', 'رأي الصحة', 'Health opinion'), holder: 'agency', agency: 'HEALTH', deadlineWorkingDays: 10 },
        { id: 'correction_requested', label: t('Correction demandée', 'مطلوب تصحيح', 'Correction requested'), holder: 'applicant' },
        { id: 'approved', label: t('Approuvé', 'مقبول', 'Approved'), holder: 'none', outcome: 'approved' },
        { id: 'rejected', label: t('Rejeté', 'مرفوض', 'Rejected'), holder: 'none', outcome: 'rejected' },
        { id: 'withdrawn', label: t('Retiré', 'مسحوب', 'Withdrawn'), holder: 'none', outcome: 'withdrawn' },
      ],
      transitions: [
        { action: 'approve', label: t('Approuver', 'قبول', 'Approve'), from: ['in_review'], to: 'approved', by: 'staff', roles: ['officer'] },
        { action: 'reject', label: t('Rejeter', 'رفض', 'Reject'), from: ['in_review'], to: 'rejected', by: 'staff', roles: ['officer'], requiresComment: true },
        { action: 'request_correction', label: t('Demander une correction', 'طلب تصحيح', 'Request a correction'), from: ['in_review'], to: 'correction_requested', by: 'staff', roles: ['officer'], requiresComment: true },
        { action: 'resubmit', label: t('Renvoyer', 'إعادة الإرسال', 'Resubmit'), from: ['correction_requested'], to: 'in_review', by: 'applicant' },
        { action: 'forward_to_health', label: t('Transmettre à la Santé', 'إحالة إلى الصحة', 'Forward to Health'), from: ['in_review'], to: 'health_review', by: 'staff', roles: ['officer'] },
        { action: 'health_favourable', label: t('Avis favorable', 'رأي إيجابي', 'Favourable opinion'), from: ['health_review'], to: 'in_review', by: 'staff', roles: ['officer'] },
        { action: 'withdraw', label: t('Retirer', 'سحب', 'Withdraw'), from: ['in_review', 'health_review', 'correction_requested'], to: 'withdrawn', by: 'applicant' },
      ],
    },
    document: { type: 'test_permit', title: t('Permis', 'رخصة', 'Permit'), validityMonths: 12, fields: ['companyName', 'tonnes'] },
    retentionClass: 'commerce-licences-10y',
  };
}

export const AGENCY_CODES = ['CUSTOMS', 'COMMERCE', 'AGRICULTURE', 'HEALTH', 'PORT', 'CIVIL_REGISTRY', 'JUSTICE', 'TREASURY', 'ARCHIVES'] as const;
