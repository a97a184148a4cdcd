using FluentValidation;
using SocialInnovation.Common;
using SocialInnovation.Selection;

namespace SocialInnovation.Applications;

/// <summary>
/// A reviewer's scores (1–5) of an application, one per criterion of the camp (every criterion, each once),
/// with notes. The reviewer's score is the mean of these; scoring again replaces it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ReviewApplication(IReadOnlyList<CriterionScore> Scores, string Notes, string IdempotencyKey)
{
    /// <summary>The same score on every default criterion (a camp that never changed its criteria).</summary>
    public static ReviewApplication Alike(int score, string notes, string idempotencyKey) =>
        new(SelectionCriteria.Default.Criteria.Select(c => new CriterionScore(c.Id, score)).ToList(), notes, idempotencyKey);
}

[GenerateSerializer, Immutable]
public sealed record CriterionScore(string CriterionId, int Score);

public sealed class ReviewApplicationValidator : AbstractValidator<ReviewApplication>
{
    public ReviewApplicationValidator()
    {
        RuleFor(r => r.Scores).NotNull().Must(s => s is { Count: >= 1 and <= 8 }).WithText(CriteriaTexts.Count)
            .Must(s => s is null || s.Where(x => x is not null).Select(x => x.CriterionId).Distinct().Count() == s.Count).WithText(CriteriaTexts.Twice);
        RuleForEach(r => r.Scores).NotNull().ChildRules(s =>
        {
            s.RuleFor(x => x.CriterionId).NotEmpty().MaximumLength(32);
            s.RuleFor(x => x.Score).InclusiveBetween(1, 5).WithText(CriteriaTexts.ScoreRange);
        });
        RuleFor(r => r.Notes).NotNull().MaximumLength(2000);
        RuleFor(r => r.IdempotencyKey).ValidIdempotencyKey();
    }
}
