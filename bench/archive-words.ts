/**
 * The vocabulary of the benchmark's archive: what a national archive's records say, in French,
 * Arabic and English, most frequent first (the generator draws early words far more often, as
 * real text does), then people's and places' names that make the rare words.
 */
export const WORDS = {
  fr: `dossier demande marchandises déclaration bureau licence importation certificat ministère commerce
    autorisation registre douane paiement décision importateur exportateur agrément contrôle inspection
    conformité produit quantité valeur origine destination transport conteneur navire port entrepôt
    transit régime tarif droit taxe redevance quittance reçu facture contrat fournisseur société
    entreprise commerçant agriculteur pharmacie médicament vaccin semence engrais riz farine sucre
    ciment acier carburant véhicule pièce tissu coton cacao café arachide poisson viande lait
    sanitaire phytosanitaire vétérinaire analyse laboratoire échantillon prélèvement lot emballage
    étiquetage pesée mesure scellé manifeste connaissement escale débarquement embarquement frontière
    poste visa tampon signature cachet original copie archive classement versement conservation
    communication consultation dérogation délai prorogation renouvellement suspension retrait refus
    approbation rejet recours réclamation litige amende saisie contentieux transaction audience
    jugement greffe tribunal notaire acte naissance mariage décès recensement cadastre parcelle
    titre foncier bail location construction permis chantier voirie assainissement hydraulique`,
  ar: `ملف طلب بضائع تصريح مكتب رخصة استيراد شهادة وزارة تجارة ترخيص سجل جمارك دفع قرار مستورد
    مصدر اعتماد مراقبة تفتيش مطابقة منتج كمية قيمة منشأ وجهة نقل حاوية سفينة ميناء مستودع عبور
    نظام تعريفة رسم ضريبة إيصال فاتورة عقد مورد شركة مؤسسة تاجر فلاح صيدلية دواء لقاح بذور
    أسمدة أرز دقيق سكر إسمنت حديد وقود مركبة قطعة نسيج قطن كاكاو قهوة فول سمك لحم حليب صحي
    بيطري تحليل مختبر عينة شحنة تعبئة وسم وزن قياس ختم بيان وثيقة رسو تفريغ شحن حدود مركز
    تأشيرة توقيع أصل نسخة أرشيف تصنيف حفظ اطلاع استثناء أجل تمديد تجديد تعليق سحب رفض موافقة
    طعن شكوى نزاع غرامة حجز تسوية جلسة حكم محكمة موثق عقد ولادة زواج وفاة إحصاء مسح قطعة
    أرض ملكية كراء بناء رخصة ورشة طريق تطهير مياه`,
  en: `file application goods declaration office licence import certificate ministry trade authorisation
    register customs payment decision importer exporter approval control inspection compliance product
    quantity value origin destination transport container vessel port warehouse transit regime tariff
    duty tax fee receipt invoice contract supplier company business trader farmer pharmacy medicine
    vaccine seed fertiliser rice flour sugar cement steel fuel vehicle part fabric cotton cocoa coffee
    groundnut fish meat milk sanitary phytosanitary veterinary analysis laboratory sample lot packaging
    labelling weighing measure seal manifest lading call unloading loading border post visa stamp
    signature original copy archive filing transfer preservation consultation waiver deadline extension
    renewal suspension withdrawal refusal appeal complaint dispute fine seizure settlement hearing
    judgment court notary birth marriage death census survey parcel land title lease building permit
    site road sanitation water`,
} as const;

/** Words the search configurations drop (articles, prepositions): a third of running text. */
export const STOPWORDS = {
  fr: 'le la les de des du et en à au aux pour par sur dans un une est sont avec ce cette qui que',
  ar: 'في من على إلى عن مع هذا هذه التي الذي أن قد كان بعد عند',
  en: 'the of and to in for on by with is are this that which at from',
} as const;

/**
 * Syllables of people's and places' names: three of them make one of 8,000 names per script, each
 * on a few pages in a thousand, as surnames and villages are in registers.
 */
export const SYLLABLES = {
  latin: 'ka ri mo du la se bo na ti ou ba ke di ya go fa lu ze mi ra',
  arabic: 'حا مي نو سا كر بل دي فا را لي زي جو طا قا شو يو عا ما هي بو',
} as const;

export const split = (text: string) => text.split(/\s+/).filter(Boolean);
