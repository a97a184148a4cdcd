using FluentValidation;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Live;

namespace SocialInnovation.Teams;

/// <summary>
/// One camp's team formation, keyed by the camp id: every participant's ranking of the teams' themes,
/// whether (and which version of) the teams were published, and the published rosters. It owns the
/// stream <c>teams:&lt;camp&gt;</c>, on which every phone sees its team appear when the organizer publishes.
/// Rankings live here rather than in one grain per participant so that "editable until published" is
/// decided in one place, one call at a time: a ranking either arrives before the publication or is refused.
/// </summary>
public interface ITeamFormationGrain : IGrainWithGuidKey, IStreamOwnerGrain
{
    /// <summary>Sets the participant's 1st, 2nd and 3rd choice (replacing an earlier ranking) until the teams are published.</summary>
    /// <param name="teamIds">The camp's teams: every choice must be one of them.</param>
    Task<Outcome<ThemeRanking>> Rank(Guid personId, RankThemes command, IReadOnlyList<Guid> teamIds);

    Task<ThemeRanking?> GetRanking(Guid personId);

    Task<IReadOnlyList<ThemeRanking>> GetRankings();

    Task<FormationStatus> GetStatus();

    /// <summary>Runs the planner over the stored rankings; changes nothing.</summary>
    Task<TeamSuggestion> Suggest(SuggestTeams request, IReadOnlyList<ParticipantProfile> people, IReadOnlyList<TeamView> teams);

    /// <summary>
    /// Writes the organizer's (adjusted) assignment through each participant's team seat, then records the
    /// publication and tells every watcher. A retry with the same key answers as before; a publication
    /// that fails half-way is completed by its retry (every placement is a set operation).
    /// </summary>
    /// <param name="people">The camp's participants by id, with their names.</param>
    Task<Outcome<FormationStatus>> Publish(PublishTeams command, IReadOnlyDictionary<Guid, string> people, IReadOnlyList<TeamView> teams);

    /// <summary>A team's members or captain changed: watchers get the team (older versions are ignored).</summary>
    Task TeamChanged(TeamDetails team);
}

/// <summary>A participant's choices, best first (1 to 3 distinct teams of the camp).</summary>
[GenerateSerializer, Immutable]
public sealed record RankThemes(IReadOnlyList<Guid> Choices, string IdempotencyKey);

public sealed class RankThemesValidator : FluentValidation.AbstractValidator<RankThemes>
{
    public RankThemesValidator()
    {
        RuleFor(c => c.Choices).NotNull().Must(c => c is { Count: >= 1 and <= 3 }).WithText(TeamTexts.ChoicesCount);
        RuleFor(c => c.Choices).Must(c => c is null || (c.Distinct().Count() == c.Count && !c.Contains(Guid.Empty)))
            .WithText(TeamTexts.ChoicesTwice);
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}

[GenerateSerializer, Immutable]
public sealed record ThemeRanking(Guid PersonId, IReadOnlyList<Guid> Choices, DateTimeOffset At);

/// <summary>What the planner knows of a participant; empty when they came in by invite, without an application.</summary>
[GenerateSerializer, Immutable]
public sealed record ParticipantProfile(Guid PersonId, string Name, string? Country, IReadOnlyList<string> Skills, IReadOnlyList<string> Languages);

/// <param name="MinSize">Fewest members per team; by default ⌊participants ÷ teams⌋ − 1 (at least 1).</param>
/// <param name="MaxSize">Most members per team; by default ⌈participants ÷ teams⌉ + 1.</param>
[GenerateSerializer, Immutable]
public sealed record SuggestTeams(int? MinSize = null, int? MaxSize = null);

public sealed class SuggestTeamsValidator : FluentValidation.AbstractValidator<SuggestTeams>
{
    public SuggestTeamsValidator()
    {
        RuleFor(c => c.MinSize).InclusiveBetween(1, 1000);
        RuleFor(c => c.MaxSize).InclusiveBetween(1, 1000);
        RuleFor(c => c.MaxSize).GreaterThanOrEqualTo(c => c.MinSize).When(c => c.MinSize is not null && c.MaxSize is not null);
    }
}

/// <summary>One participant in a suggestion: the team the planner chose and the choices they made.</summary>
/// <param name="Choice">Which of their choices they got: 1, 2, 3, or null (none, or they did not rank).</param>
[GenerateSerializer, Immutable]
public sealed record Placement(ParticipantProfile Person, Guid TeamId, IReadOnlyList<Guid> Choices, int? Choice);

/// <param name="None">Ranked, but got none of their choices.</param>
/// <param name="Unranked">Did not rank: placed where they mix the teams best.</param>
[GenerateSerializer, Immutable]
public sealed record ChoiceReport(int First, int Second, int Third, int None, int Unranked);

/// <param name="MinSize">The bounds used (the defaults, or the organizer's, widened when no assignment could meet them).</param>
/// <param name="PublishedVersion">The publication this suggestion would replace: name it when publishing.</param>
[GenerateSerializer, Immutable]
public sealed record TeamSuggestion(
    IReadOnlyList<TeamView> Teams,
    IReadOnlyList<Placement> Placements,
    ChoiceReport Report,
    int MinSize,
    int MaxSize,
    int Rankings,
    int PublishedVersion);

[GenerateSerializer, Immutable]
public sealed record TeamAssignment(Guid PersonId, Guid TeamId);

/// <param name="BasedOnVersion">The publication the organizer saw (0 before the first): another organizer's newer one is never overwritten.</param>
[GenerateSerializer, Immutable]
public sealed record PublishTeams(IReadOnlyList<TeamAssignment> Assignments, int BasedOnVersion, string IdempotencyKey);

public sealed class PublishTeamsValidator : FluentValidation.AbstractValidator<PublishTeams>
{
    public const int MaxAssignments = 5000;

    public PublishTeamsValidator()
    {
        RuleFor(c => c.Assignments).NotNull().Must(a => a is { Count: >= 1 and <= MaxAssignments }).WithText(TeamTexts.AssignmentsCount, MaxAssignments);
        RuleFor(c => c.Assignments).Must(a => a is null || a.Select(x => x?.PersonId).Distinct().Count() == a.Count)
            .WithText(TeamTexts.AssignedTwice);
        RuleForEach(c => c.Assignments).NotNull();
        RuleFor(c => c.BasedOnVersion).GreaterThanOrEqualTo(0);
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}

/// <summary>The state of a camp's team formation, and the snapshot of its stream <c>teams:&lt;camp&gt;</c>.</summary>
/// <param name="PublishedVersion">0 until the organizer publishes; +1 with every publication.</param>
/// <param name="Teams">The published teams with their members (empty before publication).</param>
[GenerateSerializer, Immutable]
public sealed record FormationStatus(
    Guid CampId,
    long Epoch,
    long Seq,
    int PublishedVersion,
    DateTimeOffset? PublishedAt,
    int Rankings,
    IReadOnlyList<TeamDetails> Teams);

/// <summary>Passes a team's captaincy to one of its members.</summary>
[GenerateSerializer, Immutable]
public sealed record ChangeCaptain(Guid CaptainId, string IdempotencyKey);

public sealed class ChangeCaptainValidator : FluentValidation.AbstractValidator<ChangeCaptain>
{
    public ChangeCaptainValidator()
    {
        RuleFor(c => c.CaptainId).NotEmpty();
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}

/// <summary>Team formation's own validation messages.</summary>
public static class TeamTexts
{
    public static readonly Text ChoicesCount = new("Choose between 1 and 3 teams, best first.", "Выберите от 1 до 3 команд, лучшую первой.");
    public static readonly Text ChoicesTwice = new("Each team may be chosen once.", "Каждую команду можно выбрать только один раз.");
    public static readonly Text AssignmentsCount = new("Assign between 1 and {0} participants.", "Распределите от 1 до {0} участников.");
    public static readonly Text AssignedTwice = new("Each participant may be assigned to one team only.", "Каждого участника можно отправить только в одну команду.");
}
