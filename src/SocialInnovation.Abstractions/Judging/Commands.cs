using FluentValidation;
using SocialInnovation.Common;

namespace SocialInnovation.Judging;

/// <summary>A group of teams ranked and awarded on its own, e.g. one per problem theme or "best prototype".</summary>
[GenerateSerializer, Immutable]
public sealed record Track(string Id, string Name, IReadOnlyList<Guid> Teams);

/// <summary>
/// The organizer's judging setup. <see cref="PitchOrder"/> null means the camp's teams in the order they
/// were added; <see cref="Cutoffs"/> are the places that matter (1 = the winner, 3 = the top three, the
/// mini-grant line); <see cref="AudienceWeight"/> is the audience's openly shown share of the result (0–0.5);
/// <see cref="Mode"/> scores per criterion, or pairwise comparisons (fixed once a judge has judged).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ConfigureJudging(
    Rubric Rubric,
    IReadOnlyList<Track> Tracks,
    IReadOnlyList<Guid>? PitchOrder,
    IReadOnlyList<int> Cutoffs,
    double AudienceWeight,
    long BasedOnVersion,
    string IdempotencyKey,
    JudgingMode Mode = JudgingMode.Scores);

/// <summary>
/// A judge's marks for a team (criterion id → mark) with an optional comment. <see cref="BasedOnVersion"/> is
/// the version of the judge's entry for this team that the tablet showed (0 for a first score): a revision
/// based on an older one is refused with the current entry, never silently overwritten.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ScoreTeam(Guid TeamId, IReadOnlyDictionary<string, int> Marks, string? Comment, long BasedOnVersion, string IdempotencyKey);

/// <summary>Skip a team for now, or report it absent: either way it goes back to the queue, and the audit shows it.</summary>
[GenerateSerializer, Immutable]
public sealed record SkipTeam(Guid TeamId, bool Absent, long BasedOnVersion, string IdempotencyKey);

/// <summary>Take back the judge's last change to a team's entry (a mis-tap), until judging is locked.</summary>
[GenerateSerializer, Immutable]
public sealed record UndoScore(Guid TeamId, long BasedOnVersion, string IdempotencyKey);

/// <summary>A judge declares a conflict with a team (a friend, a colleague): never assigned it again.</summary>
[GenerateSerializer, Immutable]
public sealed record DeclareConflict(Guid TeamId, string Reason, string IdempotencyKey);

/// <summary>Lock (no more changes by judges) or reopen judging.</summary>
[GenerateSerializer, Immutable]
public sealed record LockJudging(bool Locked, string IdempotencyKey);

public sealed class ConfigureJudgingValidator : AbstractValidator<ConfigureJudging>
{
    public ConfigureJudgingValidator()
    {
        RuleFor(c => c.Rubric).NotNull().SetValidator(new RubricValidator());
        RuleFor(c => c.Tracks).NotNull().Must(t => t is null || t.Count <= 20).WithMessage("At most 20 tracks.")
            .Must(t => t is null || t.Select(x => x.Id).Distinct(StringComparer.Ordinal).Count() == t.Count).WithMessage("Each track needs its own id.");
        RuleForEach(c => c.Tracks).ChildRules(t =>
        {
            t.RuleFor(x => x.Id).NotEmpty().Matches("^[a-z][a-z0-9-]{0,31}$");
            t.RuleFor(x => x.Name).NotEmpty().Length(2, 60).PlainText();
            t.RuleFor(x => x.Teams).NotNull().Must(x => x is null || x.Count <= 200);
        });
        RuleFor(c => c.PitchOrder).Must(p => p is null || p.Count <= 200 && p.Distinct().Count() == p.Count)
            .WithMessage("The pitch order names each team once (at most 200).");
        RuleFor(c => c.Cutoffs).NotNull().Must(c => c is null || c.Count <= 5 && c.All(k => k is >= 1 and <= 100))
            .WithMessage("Up to 5 cut-offs, each a place from 1 to 100.");
        RuleFor(c => c.AudienceWeight).InclusiveBetween(0, 0.5);
        RuleFor(c => c.Mode).IsInEnum();
        RuleFor(c => c.BasedOnVersion).GreaterThanOrEqualTo(0);
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class ScoreTeamValidator : AbstractValidator<ScoreTeam>
{
    public ScoreTeamValidator()
    {
        RuleFor(s => s.TeamId).NotEmpty();
        RuleFor(s => s.Marks).NotNull().Must(m => m is null || m.Count is >= 1 and <= 12).WithMessage("Give a mark for each criterion.");
        RuleForEach(s => s.Marks).Must(m => m.Key.Length <= 32 && m.Value is >= 0 and <= 100).WithMessage("A mark is a whole number on the criterion's scale.");
        RuleFor(s => s.Comment).MaximumLength(1000).PlainText();
        RuleFor(s => s.BasedOnVersion).GreaterThanOrEqualTo(0);
        RuleFor(s => s.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class SkipTeamValidator : AbstractValidator<SkipTeam>
{
    public SkipTeamValidator()
    {
        RuleFor(s => s.TeamId).NotEmpty();
        RuleFor(s => s.BasedOnVersion).GreaterThanOrEqualTo(0);
        RuleFor(s => s.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class UndoScoreValidator : AbstractValidator<UndoScore>
{
    public UndoScoreValidator()
    {
        RuleFor(s => s.TeamId).NotEmpty();
        RuleFor(s => s.BasedOnVersion).GreaterThanOrEqualTo(1);
        RuleFor(s => s.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class DeclareConflictValidator : AbstractValidator<DeclareConflict>
{
    public DeclareConflictValidator()
    {
        RuleFor(c => c.TeamId).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().Length(2, 200).PlainText();
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class LockJudgingValidator : AbstractValidator<LockJudging>
{
    public LockJudgingValidator() => RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
}
