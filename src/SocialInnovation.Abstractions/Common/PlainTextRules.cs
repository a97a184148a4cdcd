using System.Globalization;
using FluentValidation;

namespace SocialInnovation.Common;

/// <summary>
/// Names and labels that people type and others see (display names, camp and team names, invite
/// labels): visible characters only. Direction controls (U+202A–202E, U+2066–2069, U+200E/200F,
/// U+061C) reorder the page's own text around a name, and zero-width or other invisible format
/// characters (Unicode category Cf) and control characters make two names look alike. Any
/// capability with such a field adds <c>.PlainText()</c> to its rule.
/// </summary>
public static class PlainTextRules
{
    public const string ErrorCode = "text.invisible";

    /// <summary>The refusal in each language the server speaks; English when the request's language has none.</summary>
    public static readonly IReadOnlyDictionary<string, string> Messages = new Dictionary<string, string>
    {
        ["en"] = "Use visible characters only: this text contains invisible or direction-changing characters.",
        ["ru"] = "Используйте только видимые символы: в тексте есть невидимые символы или символы смены направления письма.",
    };

    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || IsPlain(text))
            .WithErrorCode(ErrorCode)
            .WithMessage(_ => Message(CultureInfo.CurrentUICulture));

    public static string Message(CultureInfo culture) =>
        Messages.TryGetValue(culture.TwoLetterISOLanguageName, out var text) ? text : Messages["en"];

    public static bool IsPlain(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                    return false;
                case UnicodeCategory.Format when !IsJoinerInsideAWord(text, i):
                    return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Persian (Dari, Tajik in Arabic script) and Indic spellings need the zero-width (non-)joiner
    /// between two letters, and emoji sequences the joiner between two pictographs: there it spoofs
    /// nothing, so it is allowed; anywhere else it is not.
    /// </summary>
    private static bool IsJoinerInsideAWord(string text, int i)
    {
        if (text[i] is not ('\u200C' or '\u200D') || i == 0 || i == text.Length - 1) return false;
        var before = text[i - 1];
        var after = text[i + 1];
        if (char.IsLetter(before) && char.IsLetter(after)) return true;
        var beforeIsPictograph = char.IsLowSurrogate(before) || before == '\uFE0F' || char.GetUnicodeCategory(before) == UnicodeCategory.OtherSymbol;
        var afterIsPictograph = char.IsHighSurrogate(after) || char.GetUnicodeCategory(after) == UnicodeCategory.OtherSymbol;
        return text[i] == '\u200D' && beforeIsPictograph && afterIsPictograph;
    }
}
