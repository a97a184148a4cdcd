using SocialInnovation.Grains.Common;
using SocialInnovation.Boards;
using SocialInnovation.Common;

namespace SocialInnovation.Grains.Boards;

/// <summary>
/// Sprints on one board: the camp's plan says which sprint runs; the board counts what the team
/// committed to, what it finished (velocity) and the burndown in between, as cards move.
/// </summary>
/// <remarks>
/// The last column is "done". When a sprint stops, its done cards leave the board (kept for history) and
/// count as its velocity; unfinished cards stay on the board and carry into the next sprint, which is
/// what a camp's short sprints want.
/// </remarks>
public sealed partial class BoardGrain
{
    public const int KeptBurnPoints = 500;

    public async Task<BoardAck> ApplyPlan(CampBoardPlan plan)
    {
        if (plan.Version <= Board.Plan.Version) return new BoardAck(_log.Epoch, _log.Position.Seq, null, null);
        var was = Board.Plan.ActiveSprint;
        Board.Plan = plan;
        if (was is { } stopped && stopped != plan.ActiveSprint) Close(stopped);
        if (plan.ActiveSprint is { } started && started != was) Start(started);
        var envelope = _log.Append(BoardEventKinds.BoardReplaced, View());
        StoreWhole();
        await _log.Commit();
        return new BoardAck(envelope.Epoch, envelope.Seq, null, null);
    }

    public async Task<Outcome<BoardAck>> WriteSprintNotes(WriteSprintNotes command, BoardActor by)
    {
        if (CommandCheck.Refusal(Shared<WriteSprintNotesValidator>.Validator, command) is { } invalid) return invalid;
        if (_log.Replay(command.IdempotencyKey, command) is { } replayed) return await Replayed(replayed);

        var sprint = SprintOf(command.Number);
        if (sprint.NotesVersion != command.BasedOn) return NotesStale(sprint);
        sprint = Save(sprint with
        {
            NotesVersion = sprint.NotesVersion + 1,
            Goal = command.Goal?.Trim() ?? sprint.Goal,
            Review = command.Review?.Trim() ?? sprint.Review,
            Retro = command.Retro?.Trim() ?? sprint.Retro,
        });
        var envelope = _log.Append(BoardEventKinds.SprintChanged, new SprintChanged(sprint));
        _log.Remember(command.IdempotencyKey, command);
        StoreWhole();
        await _log.Commit();
        return new BoardAck(envelope.Epoch, envelope.Seq, null, null);
    }

    public Task<TeamSprint> GetSprint(int number) => Task.FromResult(SprintOf(number));

    /// <summary>Refused because the notes changed since the person saw them; the server adds the current sprint to the answer.</summary>
    private static DomainError NotesStale(TeamSprint sprint) => DomainError.Conflict("sprint.notes-stale",
        $"Someone changed sprint {sprint.Number}'s notes meanwhile (they are now at version {sprint.NotesVersion}). Look at their text and apply yours again.");

    /// <summary>Points of the cards on the board that are not in the last ("done") column.</summary>
    public static int Remaining(IReadOnlyList<ColumnState> columns, IReadOnlyDictionary<Guid, BoardCard> cards) =>
        columns.SkipLast(1).SelectMany(c => c.CardIds).Sum(id => cards.TryGetValue(id, out var card) ? card.Points ?? 0 : 0);

    private int DonePoints() => Board.Columns.Count == 0 ? 0
        : Board.Columns[^1].CardIds.Sum(id => Board.Cards.TryGetValue(id, out var card) ? card.Points ?? 0 : 0);

    /// <summary>The sprint a card pulled onto the board belongs to: the running one, else the next.</summary>
    private int CurrentSprint() =>
        Board.Plan.ActiveSprint ?? (Board.Sprints.Where(s => s.Completed is not null).Select(s => s.Number).DefaultIfEmpty(0).Max() + 1);

    /// <summary>While a sprint runs, adds a burndown point when the remaining points changed; the remaining points, or null.</summary>
    /// <param name="added">The point added, if any (the journal replays it).</param>
    private int? Burn(out BurnPoint? added)
    {
        added = null;
        if (Board.Plan.ActiveSprint is not { } number) return null;
        var remaining = Remaining(Board.Columns, Board.Cards);
        var sprint = SprintOf(number);
        if (sprint.Burndown.Count == 0 || sprint.Burndown[^1].Remaining != remaining)
            AddBurnPoint(sprint, added = new BurnPoint(clock.GetUtcNow(), remaining));
        return remaining;
    }

    private void AddBurnPoint(TeamSprint sprint, BurnPoint point) =>
        Save(sprint with { Burndown = sprint.Burndown.Append(point).TakeLast(KeptBurnPoints).ToList() });

    private void Start(int number)
    {
        foreach (var id in Board.Columns.SelectMany(c => c.CardIds))
            // Not a change anyone edits, so it leaves the card's version alone.
            Board.Cards[id] = Board.Cards[id] with { Sprint = number };
        var committed = Remaining(Board.Columns, Board.Cards);
        Save(SprintOf(number) with { Committed = committed, Completed = null, Burndown = [new BurnPoint(clock.GetUtcNow(), committed)] });
    }

    private void Close(int number)
    {
        var completed = DonePoints();
        if (Board.Columns.Count > 0)
        {
            Board.Archived.AddRange(Board.Columns[^1].CardIds);
            Board.Columns[^1].CardIds.Clear();
        }
        var sprint = SprintOf(number);
        Save(sprint with { Completed = completed, Burndown = sprint.Burndown.Append(new BurnPoint(clock.GetUtcNow(), Remaining(Board.Columns, Board.Cards))).ToList() });
    }

    private TeamSprint SprintOf(int number) =>
        Board.Sprints.Find(s => s.Number == number) ?? new TeamSprint(number, "", null, null, [], "", "");

    private TeamSprint Save(TeamSprint sprint)
    {
        var at = Board.Sprints.FindIndex(s => s.Number == sprint.Number);
        if (at >= 0) Board.Sprints[at] = sprint;
        else
        {
            Board.Sprints.Add(sprint);
            Board.Sprints.Sort((a, b) => a.Number.CompareTo(b.Number));
        }
        return sprint;
    }
}
