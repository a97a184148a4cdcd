using System.Globalization;
using FluentValidation;

namespace SocialInnovation.Common;

/// <summary>A sentence of the project's own, in every language the server speaks: both are required to make one.</summary>
public sealed record Text(string En, string Ru)
{
    public string In(CultureInfo culture) => culture.TwoLetterISOLanguageName == "ru" ? Ru : En;
}

/// <summary>
/// The project's own validation messages. FluentValidation's built-in ones come in the request's
/// language by themselves (it reads the current UI culture, which the server sets per request).
/// </summary>
public static class Texts
{
    public static readonly Text CampEndsBeforeStart = new("A camp cannot end before it starts.", "Кэмп не может закончиться раньше, чем начнётся.");
    public static readonly Text CampTooLong = new("A camp may last at most 90 days.", "Кэмп может длиться не больше 90 дней.");
    public static readonly Text CountriesCount = new("Name between 1 and 30 participating countries.", "Укажите от 1 до 30 стран-участниц.");
    public static readonly Text CountriesTwice = new("Each country may be named once.", "Каждую страну можно указать только один раз.");
    public static readonly Text CountryCode = new("Countries are two-letter ISO codes in capitals, such as KZ or TJ.", "Страны указываются двухбуквенными кодами ISO заглавными буквами, например KZ или TJ.");
    public static readonly Text LanguagesCount = new("Name between 1 and 6 languages.", "Укажите от 1 до 6 языков.");
    public static readonly Text LanguagesKnown = new("Languages are one of: {0}.", "Допустимые языки: {0}.");
    public static readonly Text ThemesCount = new("A camp may have at most 20 problem themes.", "У кэмпа может быть не больше 20 тем.");
    public static readonly Text IdempotencyKeyRequired = new("An idempotency key is required so that a retry is applied once.", "Нужен ключ идемпотентности, чтобы повтор запроса применился один раз.");
    public static readonly Text IdempotencyKeyCharacters = new("An idempotency key may hold only letters, digits, '-' and '_'.", "Ключ идемпотентности может содержать только буквы, цифры, «-» и «_».");
    public static readonly Text InviteValidFor = new("An invite is valid for 1 to {0} hours.", "Приглашение действует от 1 до {0} часов.");
    public static readonly Text NotAnInviteToken = new("This is not an invite token.", "Это не код приглашения.");
    public static readonly Text NameSpaces = new("A name may not start or end with spaces.", "Имя не может начинаться или заканчиваться пробелом.");
    public static readonly Text UnknownLanguage = new("The app is available in English (en) and Russian (ru).", "Приложение доступно на английском (en) и русском (ru).");

    // Intake: applications, selection and dot voting.
    public static readonly Text NotAnApplicationLink = new("This is not an application link.", "Это не ссылка на заявку.");
    public static readonly Text NotAnEmail = new("This is not an e-mail address.", "Это не адрес электронной почты.");
    public static readonly Text ChooseCountry = new("Choose a country (a two-letter code such as KZ).", "Выберите страну (двухбуквенный код, например KZ).");
    public static readonly Text SkillsCount = new("Name at most 10 skills.", "Укажите не больше 10 навыков.");
    public static readonly Text ApplicantLanguagesCount = new("Name between 1 and 8 languages.", "Укажите от 1 до 8 языков.");
    public static readonly Text MotivationLength = new("Tell us in 20 to 2000 characters why you want to take part.", "Расскажите в 20–2000 символах, почему вы хотите участвовать.");
    public static readonly Text ConsentRequired = new("The camp needs your consent to use your data.", "Кэмпу нужно ваше согласие на использование ваших данных.");
    public static readonly Text MailLanguage = new("Mail language is en or ru.", "Язык писем — en или ru.");
    public static readonly Text PollOptionsCount = new("A poll has 2 to 50 options.", "В голосовании от 2 до 50 вариантов.");
    public static readonly Text PollOptionsTwice = new("Each option may be named once.", "Каждый вариант можно назвать только один раз.");
    public static readonly Text TooManyOptions = new("Too many options.", "Слишком много вариантов.");
    public static readonly Text DotsPerOption = new("Each option gets 0 to 20 dots.", "На один вариант — от 0 до 20 точек.");
    public static readonly Text QuotasCount = new("At most 30 country quotas.", "Не больше 30 квот по странам.");
    public static readonly Text QuotaTwice = new("Each country may have one quota.", "У каждой страны может быть только одна квота.");
    public static readonly Text QuotaMaxBelowMin = new("A maximum cannot be below the minimum.", "Максимум не может быть меньше минимума.");
    public static readonly Text DecisionsCount = new("Decide 1 to 2000 applications at once.", "Решение можно принять сразу по 1–2000 заявкам.");
    public static readonly Text DecisionTwice = new("Each application may be decided once in a batch.", "Каждую заявку можно решить в пакете только один раз.");

    // Problem statements (issue 15).
    public static readonly Text MergeIntoItself = new("A statement cannot be merged into itself.", "Проблему нельзя объединить саму с собой.");

    /// <summary>The text in the current request's language, with {0}… filled in.</summary>
    public static string For(Text text, params object[] args) =>
        string.Format(CultureInfo.CurrentUICulture, text.In(CultureInfo.CurrentUICulture), args);

    /// <summary>Every text, for the test that none is blank in either language.</summary>
    public static IEnumerable<(string Name, Text Text)> All() =>
        typeof(Texts).GetFields().Where(f => f.FieldType == typeof(Text)).Select(f => (f.Name, (Text)f.GetValue(null)!));

    public static IRuleBuilderOptions<T, TProperty> WithText<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Text text, params object[] args) =>
        rule.WithMessage(_ => For(text, args));
}
