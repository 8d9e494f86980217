/* The policy page in Urdu: each English text of the page, whole, and its Urdu. */
export const POLICY_URDU = Object.freeze({
  'Hifazat · Pathways': 'حفاظت · طریقۂ کار',
  'Skip to the pathways': 'طریقۂ کار پر جائیں',
  'Pathways': 'طریقۂ کار',
  'The steps, deadlines and decisions every case follows, as deployed now. No case or child is shown here.':
    'وہ مراحل، مقررہ مدتیں اور فیصلے جن پر ہر کیس چلتا ہے، جیسے اس وقت نافذ ہیں۔ یہاں کوئی کیس یا بچہ نہیں دکھایا جاتا۔',
  'Signed in as': 'سائن ان',
  'Sign out': 'سائن آؤٹ',
  'How to read the diagrams': 'خاکے کیسے پڑھیں',
  '§ Statute': '§ قانون',
  'Policy': 'پالیسی',
  'A statutory deadline, set by law. A change may not remove or lengthen it; the check refuses such a file.':
    'قانونی مدت، جو قانون نے مقرر کی ہے۔ کوئی تبدیلی اسے ختم یا لمبا نہیں کر سکتی؛ جانچ ایسی فائل کو رد کر دیتی ہے۔',
  'A policy deadline. Policy staff may shorten, lengthen or remove it.':
    'پالیسی کی مدت۔ پالیسی عملہ اسے کم، زیادہ یا ختم کر سکتا ہے۔',
  'Running cases of that version waiting at that step now.': 'اس ورژن کے جاری کیس جو اس وقت اس مرحلے پر رکے ہیں۔',
  'Each new deployment is a new version. New cases follow the latest version; a running case keeps the version it started with. Drag a diagram to move it; hold Ctrl and scroll, or use the buttons, to zoom.':
    'ہر نیا نفاذ ایک نیا ورژن ہے۔ نئے کیس تازہ ترین ورژن پر چلتے ہیں؛ جاری کیس اسی ورژن پر رہتا ہے جس پر شروع ہوا۔ خاکہ ہلانے کے لیے اسے کھینچیں؛ بڑا چھوٹا کرنے کے لیے Ctrl دبا کر اسکرول کریں یا بٹن استعمال کریں۔',
  "Each pathway's latest version; choose another version to see it as it was.":
    'ہر طریقۂ کار کا تازہ ترین ورژن؛ پہلے کی حالت دیکھنے کے لیے کوئی اور ورژن منتخب کریں۔',
  'No pathway is deployed.': 'کوئی طریقۂ کار نافذ نہیں۔',
  'Decision tables': 'فیصلہ جدول',
  'The rules a pathway decides with (triage, jurisdiction, agencies, placement, compensation).':
    'وہ قواعد جن سے طریقۂ کار فیصلہ کرتا ہے (ترجیح، دائرہ اختیار، ادارے، رہائش، معاوضہ)۔',
  'No decision table is deployed.': 'کوئی فیصلہ جدول نافذ نہیں۔',
  'Change a pathway': 'طریقۂ کار تبدیل کریں',
  "Open the pathway's file in Camunda Modeler, change it, and upload it here with any forms it uses (.bpmn, .dmn, .form). Check is a dry run: nothing is deployed, and you see what would change and anything that stops it. Deploy becomes possible once a check of the same files is accepted.":
    'طریقۂ کار کی فائل Camunda Modeler میں کھولیں، تبدیل کریں، اور اس کے استعمال کردہ فارموں کے ساتھ یہاں اپ لوڈ کریں (.bpmn، .dmn، .form)۔ جانچ صرف آزمائش ہے: کچھ نافذ نہیں ہوتا، اور آپ دیکھتے ہیں کیا بدلے گا اور کیا چیز روکتی ہے۔ انہی فائلوں کی جانچ قبول ہونے کے بعد نفاذ ممکن ہوتا ہے۔',
  'Statutory deadlines cannot be removed or lengthened; policy deadlines can change. Every task needs a form that exists, and every element keeps a meaningful id.':
    'قانونی مدتیں ختم یا لمبی نہیں کی جا سکتیں؛ پالیسی کی مدتیں بدل سکتی ہیں۔ ہر کام کے لیے موجود فارم ضروری ہے، اور ہر جزو کی بامعنی شناخت رہتی ہے۔',
  'Files to check or deploy': 'جانچ یا نفاذ کے لیے فائلیں',
  'Check (dry run)': 'جانچ (آزمائش)',
  'Deploy': 'نافذ کریں',
  'Move running cases to another version': 'جاری کیس دوسرے ورژن پر منتقل کریں',
  'A running case stays on the version it started with. Here you can move a pathway\'s running cases to another version: each case goes on from the step where it waits now, and every deadline clock already running keeps its due time. First see what would happen; nothing moves until you confirm.':
    'جاری کیس اسی ورژن پر رہتا ہے جس پر شروع ہوا۔ یہاں آپ کسی طریقۂ کار کے جاری کیس دوسرے ورژن پر منتقل کر سکتے ہیں: ہر کیس اسی مرحلے سے آگے چلتا ہے جہاں وہ اب رکا ہے، اور ہر جاری مدت اپنا مقررہ وقت برقرار رکھتی ہے۔ پہلے دیکھیں کیا ہوگا؛ آپ کی تصدیق تک کچھ منتقل نہیں ہوتا۔',
  'Pathway': 'طریقۂ کار',
  'From': 'سے',
  'To': 'تک',
  'Show what would happen': 'دکھائیں کیا ہوگا',
  'This pathway has only one version.': 'اس طریقۂ کار کا صرف ایک ورژن ہے۔',
  'Deployment history': 'نفاذ کی تاریخ',
  'Who deployed what and when, newest first, with what changed; refused attempts too.':
    'کس نے کیا اور کب نافذ کیا، تازہ ترین پہلے، اور کیا بدلا؛ رد شدہ کوششیں بھی۔',
  'Nothing has been deployed yet.': 'ابھی تک کچھ نافذ نہیں ہوا۔',
  'Deployments, newest first': 'نفاذ، تازہ ترین پہلے',
  'When': 'کب',
  'Who': 'کس نے',
  'How': 'کیسے',
  'Outcome': 'نتیجہ',
  'Files': 'فائلیں',
  'What changed': 'کیا بدلا',
  'What the move would do': 'منتقلی کیا کرے گی'
});
