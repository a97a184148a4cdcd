namespace SocialInnovation.Boards;

/// <summary>The lane of the product backlog; every other lane is a column of the sprint board.</summary>
public static class Lanes
{
    public const string Backlog = "backlog";
}

/// <summary>A column of the sprint board, its cards in order. <see cref="WipLimit"/>: at most this many cards, when set.</summary>
[GenerateSerializer, Immutable]
public sealed record BoardColumn(string ColumnId, string Name, int? WipLimit, IReadOnlyList<Guid> CardIds);

[GenerateSerializer, Immutable]
public sealed record ChecklistItem(string Text, bool Done);

[GenerateSerializer, Immutable]
public sealed record CardComment(Guid ByPersonId, string ByName, DateTimeOffset At, string Text);

/// <summary>What someone did to a card; the page words it in the reader's language.</summary>
public enum CardAction { Created, Edited, Moved, Commented, Returned }

/// <param name="Lane">Where the card went (a column's name, or <c>backlog</c>), for moves.</param>
[GenerateSerializer, Immutable]
public sealed record CardHistoryEntry(DateTimeOffset At, string ByName, CardAction Action, string? Lane);

/// <summary>
/// One card. <see cref="Version"/> rises with every change to the card itself (not with moves of other
/// cards or new comments), so an edit or move based on an older version is refused, never a silent
/// overwrite. <see cref="Sprint"/> is the sprint the card was pulled into; null while in the backlog.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BoardCard(
    Guid CardId,
    long Version,
    string Title,
    string Description,
    IReadOnlyList<Guid> Assignees,
    int? Points,
    IReadOnlyList<string> Labels,
    IReadOnlyList<ChecklistItem> Checklist,
    IReadOnlyList<CardComment> Comments,
    IReadOnlyList<CardHistoryEntry> History,
    int? Sprint);

/// <summary>One sprint of the camp's schedule, the same for every team.</summary>
[GenerateSerializer, Immutable]
public sealed record SprintSlot(int Number, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// What the organizer decides for every board of the camp: whether a WIP limit only warns, whether
/// other participants (and judges) may look at a team's board, the sprint schedule and the running
/// sprint. <see cref="Version"/> rises with each change; a board keeps the newest it was told.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CampBoardPlan(
    bool WipWarnOnly,
    bool OthersMayView,
    IReadOnlyList<SprintSlot> Schedule,
    int? ActiveSprint,
    DateTimeOffset? ActiveSince,
    long Version)
{
    public static readonly CampBoardPlan Default = new(false, false, [], null, null, 0);
}

/// <summary>A point of a burndown: points not yet done at a moment of the sprint.</summary>
[GenerateSerializer, Immutable]
public sealed record BurnPoint(DateTimeOffset At, int Remaining);

/// <summary>
/// One team's side of a sprint: its goal, what it committed to (points in the sprint when it started),
/// what it finished (velocity, counted when the sprint stopped), the burndown, and its review and
/// retrospective notes. <see cref="NotesVersion"/> rises with each write of the notes (goal, review,
/// retrospective), so a write based on older notes is refused (<c>sprint.notes-stale</c>), never a silent
/// overwrite; sprints stored before it existed read as 0.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TeamSprint(
    int Number,
    string Goal,
    int? Committed,
    int? Completed,
    IReadOnlyList<BurnPoint> Burndown,
    string Review,
    string Retro,
    long NotesVersion = 0);

/// <summary>The whole board: the snapshot of <c>board:&lt;camp&gt;:&lt;team&gt;</c>.</summary>
[GenerateSerializer, Immutable]
public sealed record BoardView(
    Guid CampId,
    Guid TeamId,
    long Epoch,
    long Seq,
    long ColumnsVersion,
    IReadOnlyList<BoardColumn> Columns,
    IReadOnlyList<Guid> Backlog,
    IReadOnlyList<BoardCard> Cards,
    CampBoardPlan Plan,
    IReadOnlyList<TeamSprint> Sprints);

/// <summary>
/// The answer to a board command, once stored: where the stream is after it, the card it changed, and
/// a warning (<c>board.wip-limit</c> when the camp only warns).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BoardAck(long Epoch, long Seq, BoardCard? Card, string? Warning);

/// <summary>Who did something on a board, as the history shows them.</summary>
[GenerateSerializer, Immutable]
public sealed record BoardActor(Guid PersonId, string Name);
