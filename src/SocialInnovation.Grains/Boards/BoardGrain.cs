using SocialInnovation.Boards;
using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Grains.Live;
using SocialInnovation.Live;
using SocialInnovation.Teams;

namespace SocialInnovation.Grains.Boards;

/// <summary>
/// One team's board and the owner of its stream <c>board:&lt;camp&gt;:&lt;team&gt;</c>. Every command runs
/// validate → replay its idempotency key → check the version it was based on → change and append the
/// event → remember the key → commit (stored, group commit) → answer.
/// </summary>
/// <remarks>
/// Reentrant, so moves arriving while a write is in flight are applied at once and stored together by
/// the next write; checks and changes therefore never have an <c>await</c> between them. The stream is
/// visible before stored: watchers see a move at once, the mover is answered once it is stored, and a
/// failed write makes every watcher resync from storage (<see cref="StreamLog"/>).
/// </remarks>
[Orleans.Concurrency.Reentrant]
public sealed partial class BoardGrain(
    [PersistentState("board", StorageNames.State)] IPersistentState<BoardState> state,
    IBoardJournal journal,
    TimeProvider clock) : Grain, IBoardGrain
{
    public const int KeptEvents = 200;
    public const int KeptHistory = 30;
    public const int KeptComments = 100;

    /// <summary>Characters of comment text a card keeps; its oldest comments give way first.</summary>
    /// <remarks>
    /// Why: a comment's journal entry carries the whole card, and a journal row holds at most 480,000 characters of
    /// JSON, where a Cyrillic letter is written as six and an emoji as twelve. A hundred comments of 2,000 such
    /// characters would not fit: the write would fail, and so would every later edit or comment of that card. With
    /// this much comment text and every other field at its limit, the worst card's entry is about 400,000.
    /// </remarks>
    public const int KeptCommentChars = 40_000;

    public static readonly IReadOnlyList<(string Id, string Name)> DefaultColumns =
        [("todo", "To do"), ("doing", "In progress"), ("review", "Review"), ("done", "Done")];

    private StreamLog _log = null!;
    private Guid _campId;

    private BoardState Board => state.State;

    private Guid TeamId => this.GetPrimaryKey(out _);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.GetPrimaryKey(out var campKey);
        _campId = Guid.ParseExact(campKey!, "N");
        if (!Board.Exists)
        {
            // A new board starts with the default columns; they are stored with its first change (a
            // journal's entries replay onto them, so they come before the replay).
            Board.Columns = DefaultColumns.Select(c => new ColumnState { ColumnId = c.Id, Name = c.Name }).ToList();
            Board.ColumnsVersion = 1;
        }
        // The organizer's plan may have changed while this board was not active.
        var asked = GrainFactory.GetGrain<ICampBoardsGrain>(_campId).GetPlan();
        await ReplayJournal();
        Writes.CompactWhenQuiet(this);
        _log = new StreamLog(BoardStreams.For(_campId, TeamId), Board.Log, Store, DeactivateOnIdle,
            this, clock, new StreamLogOptions(KeptEvents, VisibleBeforeStored: true));
        var plan = await asked;
        if (plan.Version > Board.Plan.Version) await ApplyPlan(plan);
    }

    public Task<BoardView> GetView() => Task.FromResult(View());

    public Task<BoardCard?> GetCard(Guid cardId) => Task.FromResult(Board.Cards.GetValueOrDefault(cardId));

    public Task<Outcome<StreamCatchUp>> CatchUp(StreamPosition? after) =>
        Task.FromResult<Outcome<StreamCatchUp>>(_log.CatchUp(after, View));

    public async Task<Outcome<BoardAck>> CreateCard(CreateCard command, BoardActor by)
    {
        if (CommandCheck.Refusal(Shared<CreateCardValidator>.Validator, command) is { } invalid) return invalid;
        var members = await TeamMembers(command.Assignees);
        if (_log.Replay(command.IdempotencyKey, command) is { } replayed) return await Replayed(replayed, command.CardId);

        if (Board.Cards.ContainsKey(command.CardId)) return DomainError.Conflict("card.exists", "A card with this id already exists.");
        if (!LaneExists(command.Lane)) return UnknownLane(command.Lane);
        if (UnknownAssignee(command.Assignees, members) is { } notMember) return notMember;
        var wip = WipCheck(command.Lane, fromLane: null);
        if (wip is { Error: { } full }) return full;
        var warning = wip?.Value;

        var card = new BoardCard(command.CardId, 1, command.Title.Trim(), command.Description?.Trim() ?? "",
            Distinct(command.Assignees), command.Points, DistinctLabels(command.Labels), [], [],
            [new CardHistoryEntry(clock.GetUtcNow(), by.Name, CardAction.Created, LaneName(command.Lane))],
            command.Lane == Lanes.Backlog ? null : CurrentSprint());
        Board.Cards[card.CardId] = card;
        var index = Place(card.CardId, command.Lane, int.MaxValue);
        return await Changed(BoardEventKinds.CardCreated, card, null, command.Lane, index, by, warning, command.IdempotencyKey, command);
    }

    public async Task<Outcome<BoardAck>> EditCard(EditCard command, BoardActor by)
    {
        if (CommandCheck.Refusal(Shared<EditCardValidator>.Validator, command) is { } invalid) return invalid;
        var members = await TeamMembers(command.Assignees);
        if (_log.Replay(command.IdempotencyKey, command) is { } replayed) return await Replayed(replayed, command.CardId);

        if (!Board.Cards.TryGetValue(command.CardId, out var card) || Board.Archived.Contains(card.CardId)) return UnknownCard();
        if (card.Version != command.BasedOn) return Stale(card);
        if (UnknownAssignee(command.Assignees, members) is { } notMember) return notMember;

        var edited = card with
        {
            Version = card.Version + 1,
            Title = command.Title.Trim(),
            Description = command.Description?.Trim() ?? "",
            Points = command.Points,
            Labels = DistinctLabels(command.Labels),
            Assignees = Distinct(command.Assignees),
            Checklist = command.Checklist?.Select(i => i with { Text = i.Text.Trim() }).ToList() ?? [],
            History = WithHistory(card, by, CardAction.Edited, null),
        };
        Board.Cards[card.CardId] = edited;
        var (lane, index) = Where(card.CardId);
        return await Changed(BoardEventKinds.CardEdited, edited, null, lane, index, by, null, command.IdempotencyKey, command);
    }

    public async Task<Outcome<BoardAck>> MoveCard(MoveCard command, BoardActor by)
    {
        if (CommandCheck.Refusal(Shared<MoveCardValidator>.Validator, command) is { } invalid) return invalid;
        if (_log.Replay(command.IdempotencyKey, command) is { } replayed) return await Replayed(replayed, command.CardId);

        if (!Board.Cards.TryGetValue(command.CardId, out var card) || Board.Archived.Contains(card.CardId)) return UnknownCard();
        if (card.Version != command.BasedOn) return Stale(card);
        if (!LaneExists(command.Lane)) return UnknownLane(command.Lane);
        var (from, _) = Where(card.CardId);
        var wip = WipCheck(command.Lane, from);
        if (wip is { Error: { } full }) return full;

        int? sprint = command.Lane == Lanes.Backlog ? null : from == Lanes.Backlog ? CurrentSprint() : card.Sprint ?? CurrentSprint();
        var move = new CardMove(card.Version + 1, sprint, new CardHistoryEntry(clock.GetUtcNow(), by.Name, CardAction.Moved, LaneName(command.Lane)));
        var moved = Moved(card, move);
        Board.Cards[card.CardId] = moved;
        var index = Place(card.CardId, command.Lane, command.Index);
        return await Changed(BoardEventKinds.CardMoved, moved, move, command.Lane, index, by, wip?.Value, command.IdempotencyKey, command);
    }

    public async Task<Outcome<BoardAck>> CommentCard(CommentCard command, BoardActor by)
    {
        if (CommandCheck.Refusal(Shared<CommentCardValidator>.Validator, command) is { } invalid) return invalid;
        if (_log.Replay(command.IdempotencyKey, command) is { } replayed) return await Replayed(replayed, command.CardId);

        // A card that left the board at a sprint's end is kept for history, not commented on: it is in no lane, so the
        // comment's event would show it to every watcher at the top of the backlog (a comment written offline before
        // the sprint stopped arrives after it), and replaying its entry would put it back there for good.
        if (!Board.Cards.TryGetValue(command.CardId, out var card) || Board.Archived.Contains(card.CardId)) return UnknownCard();
        var now = clock.GetUtcNow();
        var comments = Kept(card.Comments.Append(new CardComment(by.PersonId, by.Name, now, command.Text.Trim())));
        // A comment changes no field someone may be editing, so it leaves the version alone.
        var commented = card with { Comments = comments, History = WithHistory(card, by, CardAction.Commented, null) };
        Board.Cards[card.CardId] = commented;
        var (lane, index) = Where(card.CardId);
        return await Changed(BoardEventKinds.CardCommented, commented, null, lane, index, by, null, command.IdempotencyKey, command);
    }

    /// <param name="move">What a move changed (its journal entry carries only that), or null: the entry carries the whole card.</param>
    private async Task<Outcome<BoardAck>> Changed<TCommand>(string kind, BoardCard card, CardMove? move, string lane, int index, BoardActor by,
        string? warning, string key, TCommand command)
    {
        var remaining = Burn(out var burned);
        var envelope = move is null
            ? _log.Append(kind, new CardChanged(card, lane, index, by.Name, warning, remaining))
            : _log.Append(kind, new CardMoved(card.CardId, move.Version, move.Sprint, move.Step, lane, index, by.Name, warning, remaining));
        _log.Remember(key, command, card.CardId);
        Journaled(card.CardId, lane, index, move is null ? card : null, move, burned);
        await _log.Commit();
        return new BoardAck(envelope.Epoch, envelope.Seq, card, warning);
    }

    /// <summary>A retry is answered as the first application was, once that is stored.</summary>
    private async Task<Outcome<BoardAck>> Replayed(Outcome<AppliedCommand> replayed, Guid? cardId = null)
    {
        if (replayed.Error is { } reused) return reused;
        await _log.Settled();
        var card = cardId is { } id ? Board.Cards.GetValueOrDefault(id) : null;
        return new BoardAck(_log.Epoch, replayed.Value!.Seq, card, null);
    }

    private async Task<IReadOnlyList<Guid>> TeamMembers(IReadOnlyList<Guid>? assignees)
    {
        if (assignees is not { Count: > 0 }) return [];
        var team = await GrainFactory.GetGrain<ITeamGrain>(TeamId).GetDetails();
        return team?.Members.Select(m => m.PersonId).ToList() ?? [];
    }

    private static DomainError? UnknownAssignee(IReadOnlyList<Guid>? assignees, IReadOnlyList<Guid> members) =>
        assignees?.FirstOrDefault(a => !members.Contains(a)) is { } stranger && stranger != Guid.Empty
            ? DomainError.Conflict("card.assignee", "Cards are assigned to members of the team only.")
            : null;

    /// <summary>The newest comments, at most <see cref="KeptComments"/> of them and <see cref="KeptCommentChars"/> characters.</summary>
    private static List<CardComment> Kept(IEnumerable<CardComment> comments)
    {
        var kept = comments.TakeLast(KeptComments).ToList();
        var chars = kept.Sum(c => c.Text.Length);
        var drop = 0;
        while (chars > KeptCommentChars && drop < kept.Count - 1) chars -= kept[drop++].Text.Length;
        return kept.Skip(drop).ToList();
    }

    private static IReadOnlyList<Guid> Distinct(IReadOnlyList<Guid>? ids) => ids?.Distinct().ToList() ?? [];

    private static IReadOnlyList<string> DistinctLabels(IReadOnlyList<string>? labels) =>
        labels?.Select(l => l.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [];

    private IReadOnlyList<CardHistoryEntry> WithHistory(BoardCard card, BoardActor by, CardAction action, string? lane) =>
        card.History.Append(new CardHistoryEntry(clock.GetUtcNow(), by.Name, action, lane)).TakeLast(KeptHistory).ToList();


    private static DomainError UnknownCard() => DomainError.NotFound("card.unknown", "This board has no such card.");

    private static DomainError UnknownLane(string lane) => DomainError.Conflict("board.lane-unknown", $"This board has no column '{lane}'.");

    /// <summary>Refused because the card changed since the person saw it; the server adds the current card to the answer.</summary>
    private static DomainError Stale(BoardCard card) => DomainError.Conflict("card.stale",
        $"Someone changed this card meanwhile (it is now at version {card.Version}). Look at their change and apply yours again.");
}
