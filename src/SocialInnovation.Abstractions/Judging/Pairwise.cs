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
/// judging is locked. <see cref="BasedOnVersion"/> is the version of the judge's verdict on this pair that the
/// tablet showed (0: none yet): a verdict changed on another device meanwhile is refused (<c>verdict.stale</c>,
/// answered with the verdict as it now is), never silently overwritten; the same verdict again is done already.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CompareTeams(Guid First, Guid Second, Guid Better, long BasedOnVersion, string IdempotencyKey);

/// <summary>A judge's current verdict on a pair; <see cref="Version"/> grows with every revision of it.</summary>
[GenerateSerializer, Immutable]
public sealed record PairVerdict(Guid First, Guid Second, Guid Better, long Version, DateTimeOffset At);

/// <summary>Every input verdict of a pairwise round, for checking the ranking outside the product.</summary>
[GenerateSerializer, Immutable]
public sealed record ComparisonRecord(Guid JudgeId, string JudgeName, Guid Winner, Guid Loser, DateTimeOffset At);

/// <summary>
/// Pairwise mode: the judge skips the pair shown for now (to report one of its teams absent, a judge sends
/// <see cref="SkipTeam"/> with <c>Absent</c>). The judge is given another pair; a skipped pair comes back
/// only when no other is left. <see cref="BasedOnVersion"/> is the version of the judge's verdict on this
/// pair that the tablet showed (0: none yet): a pair judged on another device meanwhile is refused
/// (<c>pair.stale</c>), never silently set aside.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SkipPair(Guid First, Guid Second, long BasedOnVersion, string IdempotencyKey);

/// <summary>
/// Pairwise mode: where a team stands as the judge's sheet was made, so a tablet offline picks its next pair by
/// the server's rule (fewest comparisons first, against the closest in strength): the comparisons it is in
/// (all judges' verdicts, and pairs being shown to other judges then) and its Bradley–Terry strength (0 without
/// comparisons).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PairStanding(Guid TeamId, int Comparisons, double Strength);

/// <summary>A pair the judge skipped for now (either order), shown again only when no other pair is left.</summary>
[GenerateSerializer, Immutable]
public sealed record SkippedPair(Guid First, Guid Second, DateTimeOffset At);

public sealed class SkipPairValidator : AbstractValidator<SkipPair>
{
    public SkipPairValidator()
    {
        RuleFor(c => c.First).NotEmpty();
        RuleFor(c => c.Second).NotEmpty().NotEqual(c => c.First).WithMessage("Skip a pair of two different teams.");
        RuleFor(c => c.BasedOnVersion).GreaterThanOrEqualTo(0);
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class CompareTeamsValidator : AbstractValidator<CompareTeams>
{
    public CompareTeamsValidator()
    {
        RuleFor(c => c.First).NotEmpty();
        RuleFor(c => c.Second).NotEmpty().NotEqual(c => c.First).WithMessage("Compare two different teams.");
        RuleFor(c => c.Better).Must((c, better) => better == c.First || better == c.Second).WithMessage("The better team is one of the two compared.");
        RuleFor(c => c.BasedOnVersion).GreaterThanOrEqualTo(0);
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}
