using FluentValidation;
using SocialInnovation.Common;

namespace SocialInnovation.Judging;

/// <summary>One thing judges score, e.g. "Social impact", on a scale from <see cref="Min"/> to <see cref="Max"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record Criterion(string Id, string Name, string Description, double Weight, int Min, int Max);

/// <summary>
/// What a camp's judges score pitches against. A judge's weighted score for a team is the weighted mean of
/// the marks, each first placed on 0–1 within its own scale, so criteria on different scales and weights
/// that do not add up to 1 still combine fairly; the result is shown on 0–10.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Rubric(IReadOnlyList<Criterion> Criteria)
{
    /// <summary>The default a camp starts with: five equally weighted criteria on 1–10.</summary>
    public static Rubric Default { get; } = new([
        new("impact", "Social impact", "How much the problem matters and how far the solution would change it.", 1, 1, 10),
        new("innovation", "Innovation", "How new the idea is compared with what exists.", 1, 1, 10),
        new("feasibility", "Feasibility", "Whether the team can build and run it with the means it has.", 1, 1, 10),
        new("prototype", "Prototype quality", "How well the prototype shows the idea working.", 1, 1, 10),
        new("pitch", "Pitch", "How clearly and convincingly the team presented.", 1, 1, 10),
    ]);

    /// <summary>
    /// The weighted score on 0–10, or null when a criterion has no mark or a mark is off its scale (a
    /// partial score is not a score: the judge's tablet keeps it as a draft).
    /// </summary>
    public double? WeightedScore(IReadOnlyDictionary<string, int> marks)
    {
        double sum = 0, weights = 0;
        foreach (var c in Criteria)
        {
            if (!marks.TryGetValue(c.Id, out var mark) || mark < c.Min || mark > c.Max) return null;
            sum += c.Weight * (mark - c.Min) / (c.Max - c.Min);
            weights += c.Weight;
        }
        return weights > 0 ? 10 * sum / weights : null;
    }
}

public sealed class RubricValidator : AbstractValidator<Rubric>
{
    public RubricValidator()
    {
        RuleFor(r => r.Criteria).NotNull().Must(c => c is { Count: >= 1 and <= 12 }).WithMessage("A rubric has 1 to 12 criteria.")
            .Must(c => c is null || c.Select(x => x.Id).Distinct(StringComparer.Ordinal).Count() == c.Count)
            .WithMessage("Each criterion needs its own id.");
        RuleForEach(r => r.Criteria).ChildRules(c =>
        {
            c.RuleFor(x => x.Id).NotEmpty().Matches("^[a-z][a-z0-9-]{0,31}$");
            c.RuleFor(x => x.Name).NotEmpty().Length(2, 60).PlainText();
            c.RuleFor(x => x.Description).MaximumLength(300).PlainText();
            c.RuleFor(x => x.Weight).GreaterThan(0).LessThanOrEqualTo(100);
            c.RuleFor(x => x.Min).GreaterThanOrEqualTo(0);
            c.RuleFor(x => x.Max).LessThanOrEqualTo(100).GreaterThan(x => x.Min).WithMessage("The top of a scale must be above its bottom.");
        });
    }
}
