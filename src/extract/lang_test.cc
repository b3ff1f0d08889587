#include "extract/lang.h"

#include <gtest/gtest.h>

#include <string>

namespace attache::extract {
namespace {

struct Case {
  const char* lang;
  const char* text;
};

// News-like sentences written for these tests.
const Case kCases[] = {
    {"en",
     "The minister said on Tuesday that the talks with the delegation had been useful, but that no agreement "
     "was expected before the end of the year. Officials from both countries will meet again in March."},
    {"de",
     "Der Minister sagte am Dienstag, die Gespräche mit der Delegation seien nützlich gewesen, aber eine "
     "Einigung werde vor dem Ende des Jahres nicht erwartet. Die Vertreter beider Länder wollen sich im März "
     "wieder treffen."},
    {"fr",
     "Le ministre a déclaré mardi que les discussions avec la délégation avaient été utiles, mais qu'aucun "
     "accord n'était attendu avant la fin de l'année. Les représentants des deux pays se retrouveront en mars."},
    {"es",
     "El ministro dijo el martes que las conversaciones con la delegación habían sido útiles, pero que no se "
     "espera un acuerdo antes de que termine el año. Los representantes de los dos países volverán a reunirse "
     "en marzo."},
    {"pt",
     "O ministro disse na terça-feira que as conversas com a delegação foram úteis, mas que não se espera um "
     "acordo antes do fim do ano. Os representantes dos dois países vão se reunir novamente em março."},
    {"it",
     "Il ministro ha detto martedì che i colloqui con la delegazione sono stati utili, ma che non si prevede "
     "un accordo prima della fine dell'anno. I rappresentanti dei due paesi si incontreranno di nuovo a marzo."},
    {"nl",
     "De minister zei dinsdag dat de gesprekken met de delegatie nuttig waren, maar dat er voor het einde van "
     "het jaar geen akkoord wordt verwacht. De vertegenwoordigers van beide landen komen in maart opnieuw bij "
     "elkaar."},
    {"pl",
     "Minister powiedział we wtorek, że rozmowy z delegacją były przydatne, ale porozumienia nie należy się "
     "spodziewać przed końcem roku. Przedstawiciele obu krajów spotkają się ponownie w marcu, jak poinformowano."},
    {"tr",
     "Bakan salı günü yaptığı açıklamada, heyetle yapılan görüşmelerin yararlı olduğunu, ancak yıl sonundan "
     "önce bir anlaşma beklenmediğini söyledi. İki ülkenin temsilcileri mart ayında yeniden bir araya gelecek "
     "ve bu konuda daha çok görüşme yapılacak."},
    {"az",
     "Nazir çərşənbə axşamı bildirib ki, nümayəndə heyəti ilə danışıqlar faydalı olub, amma ilin sonuna qədər "
     "razılaşma gözlənilmir. İki ölkənin nümayəndələri mart ayında yenidən görüşəcək və bu barədə daha çox "
     "məlumat veriləcək."},
    {"ru",
     "Министр заявил во вторник, что переговоры с делегацией были полезными, но соглашения до конца года не "
     "ожидается. Представители обеих стран снова встретятся в марте, как сообщили в министерстве, и это уже "
     "третья встреча."},
    {"uk",
     "Міністр заявив у вівторок, що переговори з делегацією були корисними, але угоди до кінця року не "
     "очікується. Представники обох країн знову зустрінуться в березні, як повідомили у міністерстві, і це вже "
     "третя зустріч."},
    {"bg",
     "Министърът заяви във вторник, че разговорите с делегацията са били полезни, но споразумение не се "
     "очаква преди края на годината. Представителите на двете страни ще се срещнат отново през март, като това "
     "ще бъде третата среща."},
    {"ar",
     "قال الوزير يوم الثلاثاء إن المحادثات مع الوفد كانت مفيدة، لكن لا يتوقع التوصل إلى اتفاق قبل نهاية العام. "
     "وسيلتقي ممثلو البلدين مرة أخرى في شهر مارس، حيث قال المسؤولون إن هذه هي الجولة الثالثة."},
    {"fa",
     "وزیر روز سه‌شنبه گفت که گفت‌وگوها با هیئت مفید بوده است، اما انتظار نمی‌رود توافقی تا پایان سال حاصل "
     "شود. نمایندگان دو کشور در ماه مارس دوباره با هم دیدار خواهند کرد و این سومین دیدار آنها است."},
    {"el",
     "Ο υπουργός δήλωσε την Τρίτη ότι οι συνομιλίες με την αντιπροσωπεία ήταν χρήσιμες, αλλά δεν αναμένεται "
     "συμφωνία πριν από το τέλος του έτους."},
    {"hy", "Նախարարը երեքշաբթի հայտարարեց, որ պատվիրակության հետ բանակցությունները օգտակար են եղել։"},
    {"ka", "მინისტრმა სამშაბათს განაცხადა, რომ დელეგაციასთან მოლაპარაკებები სასარგებლო იყო."},
    {"he", "השר אמר ביום שלישי כי השיחות עם המשלחת היו מועילות, אך לא צפוי הסכם לפני סוף השנה."},
    {"zh", "部长周二表示，与代表团的会谈很有益处，但预计年底前不会达成协议。两国代表将于三月再次会面。"},
    {"ja", "大臣は火曜日、代表団との協議は有益だったが、年内の合意は見込まれていないと述べた。両国の代表は三月に再び会う予定だ。"},
    {"ko", "장관은 화요일 대표단과의 회담이 유익했지만 연말 전에 합의가 이루어질 것으로 예상되지 않는다고 말했다."},
};

TEST(GuessLanguageTest, NewsSentencesInEachLanguage) {
  for (const Case& c : kCases) EXPECT_EQ(GuessLanguage(c.text), c.lang) << c.text;
}

TEST(GuessLanguageTest, ShortOrEmptyTextIsUnsure) {
  EXPECT_EQ(GuessLanguage(""), "");
  EXPECT_EQ(GuessLanguage("OK"), "");
  EXPECT_EQ(GuessLanguage("Berlin, 12.03.2024"), "");
  EXPECT_EQ(GuessLanguage("Hello world"), "");
  EXPECT_EQ(GuessLanguage("Москва"), "");
  EXPECT_EQ(GuessLanguage("東京"), "");
  EXPECT_EQ(GuessLanguage("1234 5678 -- ... !!!"), "");
}

TEST(GuessLanguageTest, TextInNoKnownLanguageIsUnsure) {
  // Finnish and Indonesian have no table.
  EXPECT_EQ(GuessLanguage("Ministeri sanoi tiistaina, että neuvottelut valtuuskunnan kanssa olivat hyödyllisiä, "
                          "mutta sopimusta ei odoteta ennen vuoden loppua."),
            "");
  EXPECT_EQ(GuessLanguage("Menteri mengatakan pada hari Selasa bahwa pembicaraan dengan delegasi itu berguna, "
                          "tetapi kesepakatan tidak diharapkan sebelum akhir tahun."),
            "");
}

TEST(GuessLanguageTest, MixedTextFollowsTheMainLanguage) {
  // English with a German quotation, German with English names, Russian with Latin names.
  EXPECT_EQ(GuessLanguage("The chancellor told reporters in Berlin that the plan was not final. \"Wir werden das "
                          "prüfen\", she said, adding that the cabinet would discuss it again after the summer "
                          "break and that the coalition partners had agreed to wait for the report."),
            "en");
  EXPECT_EQ(GuessLanguage("Die Firma Apple hat am Montag in Cupertino ein neues iPhone vorgestellt. Der Chef Tim "
                          "Cook sprach von einem großen Schritt, doch die Börse reagierte zunächst verhalten."),
            "de");
  EXPECT_EQ(GuessLanguage("Компания Microsoft объявила о том, что сервис Azure будет доступен в новом регионе. "
                          "По словам представителей компании, это позволит снизить задержки для клиентов."),
            "ru");
  // Half and half: no clear answer.
  EXPECT_EQ(GuessLanguage("The talks will continue tomorrow. Die Gespräche werden morgen fortgesetzt."), "");
}

TEST(GuessLanguageTest, ReadsOnlyTheStart) {
  std::string text;
  while (text.size() < 20000) text += "Le ministre a dit que les discussions avec la délégation sont utiles. ";
  text += std::string(100000, 'x');
  EXPECT_EQ(GuessLanguage(text), "fr");
  // Invalid UTF-8 and a sequence cut at the 8 KB boundary are harmless.
  std::string bad(8191, 'a');
  bad += "\xD0\xB6\xFF\xC3";
  EXPECT_EQ(GuessLanguage(bad), "");
}

}  // namespace
}  // namespace attache::extract
