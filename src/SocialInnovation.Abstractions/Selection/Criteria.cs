using FluentValidation;
using SocialInnovation.Common;

namespace SocialInnovation.Selection;

/// <summary>
/// A camp's selection criteria: what each reviewer scores an application on (1–5 each). Kept by their own
/// grain per camp, not in the camp's state nor the selection grain's, so editing them rewrites a few lines.
/// </summary>
public interface ISelectionCriteriaGrain : IGrainWithGuidKey
{
    Task<SelectionCriteria> Get();

    /// <summary>Replaces the list. Reviews already given keep the criteria they scored.</summary>
    Task<Outcome<SelectionCriteria>> Set(SetCriteria command);
}

/// <param name="Id">Stable within the camp (a review names it); lower-case letters, digits and dashes.</param>
/// <param name="Name">What reviewers read, in the organizer's words.</param>
[GenerateSerializer, Immutable]
public sealed record SelectionCriterion(string Id, string Name);

/// <param name="Version">Counts the organizers' changes; a change names the version it was based on.</param>
[GenerateSerializer, Immutable]
public sealed record SelectionCriteria(IReadOnlyList<SelectionCriterion> Criteria, int Version)
{
    /// <summary>What a camp scores on until its organizers change it (the web app shows these names translated).</summary>
    public static readonly SelectionCriteria Default = new(
    [
        new("motivation", "Motivation"),
        new("skills", "Relevant skills"),
        new("team-fit", "Team fit"),
        new("impact", "Social impact potential"),
    ], 0);
}

/// <summary>The organizer's new list of criteria; <see cref="BasedOnVersion"/> is the list's version they saw.</summary>
[GenerateSerializer, Immutable]
public sealed record SetCriteria(IReadOnlyList<SelectionCriterion> Criteria, int BasedOnVersion, string IdempotencyKey);

public static class CriteriaTexts
{
    public static readonly Text Count = new("Give between 1 and 8 criteria.", "Задайте от 1 до 8 критериев.");
    public static readonly Text Twice = new("Each criterion may appear once.", "Каждый критерий может быть указан только один раз.");
    public static readonly Text Id = new("Use lower-case Latin letters, digits and dashes (up to 32).", "Используйте строчные латинские буквы, цифры и дефисы (до 32).");
    public static readonly Text ScoreRange = new("Score each criterion from 1 to 5.", "Оцените каждый критерий от 1 до 5.");
}

public sealed class SetCriteriaValidator : AbstractValidator<SetCriteria>
{
    public SetCriteriaValidator()
    {
        RuleFor(c => c.Criteria).NotNull().Must(l => l is { Count: >= 1 and <= 8 }).WithText(CriteriaTexts.Count)
            .Must(l => l is null || l.Where(x => x is not null).Select(x => x.Id).Distinct().Count() == l.Count).WithText(CriteriaTexts.Twice);
        RuleForEach(c => c.Criteria).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Id).NotEmpty().Matches("^[a-z0-9][a-z0-9-]{0,31}$").WithText(CriteriaTexts.Id);
            c.RuleFor(x => x.Name).NotEmpty().Length(2, 60).PlainText();
        });
        RuleFor(c => c.BasedOnVersion).GreaterThanOrEqualTo(0);
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}
