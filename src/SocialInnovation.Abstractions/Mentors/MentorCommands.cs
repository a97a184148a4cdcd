using FluentValidation;
using SocialInnovation.Common;

namespace SocialInnovation.Mentors;

/// <param name="BasedOnVersion">The calendar version the mentor edited (0 for a first profile); a stale one is refused.</param>
[GenerateSerializer, Immutable]
public sealed record SaveMentorProfile(
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Languages,
    string Bio,
    string Availability,
    long BasedOnVersion,
    string IdempotencyKey);

[GenerateSerializer, Immutable]
public sealed record PublishSlot(DateTimeOffset Start, int Minutes, string IdempotencyKey);

[GenerateSerializer, Immutable]
public sealed record BookSlot(Guid MentorId, Guid SlotId, string IdempotencyKey);

[GenerateSerializer, Immutable]
public sealed record CancelBooking(Guid MentorId, Guid SlotId, string IdempotencyKey);

[GenerateSerializer, Immutable]
public sealed record RemoveSlot(Guid SlotId, string IdempotencyKey);

/// <summary>Tags are short words, kept in lower case so that a request's tags and a mentor's can be compared as they are.</summary>
public static class MentorTags
{
    public const string Pattern = "^[A-Za-z0-9][A-Za-z0-9+#.-]{0,31}$";

    public static IReadOnlyList<string> Normalize(IEnumerable<string> tags) =>
        tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToList();
}

public sealed class SaveMentorProfileValidator : AbstractValidator<SaveMentorProfile>
{
    public SaveMentorProfileValidator()
    {
        RuleFor(p => p.Tags).NotNull().Must(t => t is { Count: >= 1 and <= 12 }).WithText(MentorTexts.TagsCount);
        RuleForEach(p => p.Tags).NotEmpty().Matches(MentorTags.Pattern).WithText(MentorTexts.TagShape);
        RuleFor(p => p.Languages).NotNull().Must(l => l is { Count: >= 1 and <= 6 }).WithText(Texts.LanguagesCount);
        RuleForEach(p => p.Languages).NotEmpty().Matches("^[a-z]{2,3}$").WithText(MentorTexts.LanguageCode);
        RuleFor(p => p.Bio).NotNull().MaximumLength(1000).PlainTextLines();
        RuleFor(p => p.Availability).NotNull().MaximumLength(200).PlainText();
        RuleFor(p => p.BasedOnVersion).GreaterThanOrEqualTo(0);
        RuleFor(p => p.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class PublishSlotValidator : AbstractValidator<PublishSlot>
{
    public PublishSlotValidator()
    {
        RuleFor(s => s.Minutes).InclusiveBetween(10, 120);
        RuleFor(s => s.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class BookSlotValidator : AbstractValidator<BookSlot>
{
    public BookSlotValidator()
    {
        RuleFor(b => b.MentorId).NotEmpty();
        RuleFor(b => b.SlotId).NotEmpty();
        RuleFor(b => b.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class CancelBookingValidator : AbstractValidator<CancelBooking>
{
    public CancelBookingValidator()
    {
        RuleFor(b => b.MentorId).NotEmpty();
        RuleFor(b => b.SlotId).NotEmpty();
        RuleFor(b => b.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class RemoveSlotValidator : AbstractValidator<RemoveSlot>
{
    public RemoveSlotValidator()
    {
        RuleFor(b => b.SlotId).NotEmpty();
        RuleFor(b => b.IdempotencyKey).ValidIdempotencyKey();
    }
}

/// <summary>Multi-line text (notes, bios): visible characters, line breaks and tabs allowed.</summary>
public static class MultiLineText
{
    public static IRuleBuilderOptions<T, string?> PlainTextLines<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || PlainTextRules.IsPlain(text.Replace("\r", "").Replace("\n", "").Replace("\t", "")))
            .WithErrorCode(PlainTextRules.ErrorCode)
            .WithMessage(_ => PlainTextRules.Message(System.Globalization.CultureInfo.CurrentUICulture));
}

/// <summary>The mentoring capability's own validation messages, in both languages.</summary>
public static class MentorTexts
{
    public static readonly Text TagsCount = new("Name 1 to 12 expertise tags.", "Укажите от 1 до 12 тегов экспертизы.");
    public static readonly Text TagShape = new("A tag is a short lower-case word such as ux, android or pitch.", "Тег — короткое слово строчными буквами, например ux, android или pitch.");
    public static readonly Text LanguageCode = new("Languages are two- or three-letter codes such as en, ru or tg.", "Языки указываются двух- или трёхбуквенными кодами, например en, ru или tg.");
    public static readonly Text RequestTagsCount = new("Name up to 6 tags.", "Укажите не больше 6 тегов.");
    public static readonly Text StarsRange = new("Rate from 1 to 5 stars.", "Оценка — от 1 до 5 звёзд.");
}
