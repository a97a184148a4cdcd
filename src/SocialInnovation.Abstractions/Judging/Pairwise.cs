using FluentValidation;
using SocialInnovation.Common;

namespace SocialInnovation.Judging;

/// <summary>
/// How a camp's judges judge: a score per criterion for each team (the default), or, for camps with many
/// teams, pairwise: a judge sees two teams and says which pitched better, and a Bradley–Terry fit ranks them.
/// </summary>
public enum JudgingMode { Scores, Pairwise }

/// <summary>
/// A judge's pairwise verdict: of <see cref="First"/> and <see cref="Second"/>, <see cref="Better"/> pitched
/// better. Comparing the same two teams again replaces the judge's earlier verdict (a revision), until
/// judging is locked.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CompareTeams(Guid First, Guid Second, Guid Better, string IdempotencyKey);

/// <summary>A judge's current verdict on a pair; <see cref="Version"/> grows with every revision of it.</summary>
[GenerateSerializer, Immutable]
public sealed record PairVerdict(Guid First, Guid Second, Guid Better, long Version, DateTimeOffset At);

/// <summary>Every input verdict of a pairwise round, for checking the ranking outside the product.</summary>
[GenerateSerializer, Immutable]
public sealed record ComparisonRecord(Guid JudgeId, string JudgeName, Guid Winner, Guid Loser, DateTimeOffset At);

public sealed class CompareTeamsValidator : AbstractValidator<CompareTeams>
{
    public CompareTeamsValidator()
    {
        RuleFor(c => c.First).NotEmpty();
        RuleFor(c => c.Second).NotEmpty().NotEqual(c => c.First).WithMessage("Compare two different teams.");
        RuleFor(c => c.Better).Must((c, better) => better == c.First || better == c.Second).WithMessage("The better team is one of the two compared.");
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}
