using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Polls;
using SocialInnovation.Server.Teams;
using SocialInnovation.Statements;

namespace SocialInnovation.Server.Statements;

/// <summary>
/// Closing the vote on the statements and making the winners the camp's themes and teams. Every step is
/// safe to repeat (closing a closed poll, adopting themes and adding teams under keys derived from the
/// request's, recording the winners once), so a retry — or a second click — finishes the job and adds
/// nothing twice.
/// </summary>
public static class ThemeChoice
{
    /// <summary>
    /// The tie rule: more dots first; between equal dots, the statement proposed first (a merged duplicate
    /// keeps the place of the statement it was merged into).
    /// </summary>
    public static IReadOnlyList<ProblemStatement> Winners(StatementList list, PollTally tally, int count)
    {
        var dots = tally.Options.ToDictionary(o => o.Id, o => o.Dots);
        return list.Statements
            .Select((s, order) => (s, order))
            .Where(x => x.s.MergedInto is null && x.s.OptionId is { } id && dots.ContainsKey(id))
            .OrderByDescending(x => dots[x.s.OptionId!]).ThenBy(x => x.order)
            .Take(count).Select(x => x.s).ToList();
    }

    public static async Task<Outcome<(StatementList List, IReadOnlyList<TeamView> Teams)>> Choose(IGrainFactory grains, Guid campId, ChooseThemes command)
    {
        var statements = grains.GetGrain<ICampStatementsGrain>(campId);
        var list = await statements.List();
        if (list.PollId is not { } pollId) return DomainError.Conflict("statement.no-vote", "Open the vote on the problem statements first.");
        var camp = grains.GetGrain<ICampGrain>(campId);
        if (await camp.GetSnapshot() is null) return DomainError.UnknownCamp;

        var poll = grains.GetGrain<IPollGrain>(pollId);
        var closed = await poll.Close(command.IdempotencyKey);
        if (closed.Error is { } notClosed) return notClosed;
        // Chosen once: a later request with another key (a second organizer) answers with the first choice.
        var winners = list.Statements.Any(s => s.Chosen) ? list.Statements.Where(s => s.Chosen).ToList() : Winners(list, closed.Value!, command.Count);
        if (winners.Count == 0) return DomainError.Conflict("statement.no-winners", "No statement is in the vote.");

        var adopted = await camp.AdoptThemes(new AdoptThemes(winners.Select(w => w.Title).ToList(), $"{command.IdempotencyKey}-themes"));
        if (adopted.Error is { } refused) return refused;
        var snapshot = adopted.Value!;
        foreach (var winner in winners)
        {
            // The theme as the camp spells it (an existing theme may differ in case).
            var theme = snapshot.Details.Themes.First(t => string.Equals(t, winner.Title, StringComparison.OrdinalIgnoreCase));
            var added = await camp.AddTeam(new AddTeam(winner.Title, theme, $"{command.IdempotencyKey}-{winner.Id}"));
            if (added.Error is { Code: "team.exists" }) continue; // a team of that name is there already
            if (added.Error is { } notAdded) return notAdded;
            snapshot = added.Value!;
            await TeamsApi.OpenTeam(grains, campId, snapshot.Teams.Single(t => string.Equals(t.Name, winner.Title, StringComparison.OrdinalIgnoreCase)), command.Capacity);
        }
        var recorded = await statements.RecordThemes(winners.Select(w => w.Id).ToList());
        return (recorded, (await camp.GetSnapshot())!.Teams);
    }
}
