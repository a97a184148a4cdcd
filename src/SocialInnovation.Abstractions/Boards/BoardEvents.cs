namespace SocialInnovation.Boards;

/// <summary>
/// The kinds of events on a board's stream. A created, edited or commented card's event carries the card
/// where it now stands (<see cref="CardChanged"/>); a move carries only what a move changes (<see cref="CardMoved"/>).
/// </summary>
public static class BoardEventKinds
{
    public const string CardCreated = "CardCreated";
    public const string CardEdited = "CardEdited";
    public const string CardMoved = "CardMoved";
    public const string CardCommented = "CardCommented";
    public const string ColumnsChanged = "ColumnsChanged";
    public const string SprintChanged = "SprintChanged";

    /// <summary>The board changed as a whole (a sprint started or stopped): its payload is the new <see cref="BoardView"/>.</summary>
    public const string BoardReplaced = "BoardReplaced";
}

/// <summary>
/// A card as it now is and where (lane and index after the change): a watcher removes it from where it
/// was and puts it there, so every card event is applied the same way. <see cref="Remaining"/> is the
/// running sprint's points not done after it, for the live burndown.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CardChanged(BoardCard Card, string Lane, int Index, string ByName, string? Warning, int? Remaining);

/// <summary>
/// A card moved (or reordered): its new version and sprint, the one history line the move added, and where
/// it now is (lane and index after the move). A watcher already holds the card (from the board or an earlier
/// event), so it applies these to it and moves it as for <see cref="CardChanged"/>, keeping the last
/// <c>BoardGrain.KeptHistory</c> history lines as the server does.
/// </summary>
/// <remarks>
/// Why not the whole card: it carries its history and comments, so a busy card's move was a few KB to every
/// watcher (in the benchmark ~3 KB, ten times this), serialized once but parsed by every watcher, and the
/// CPU it cost on the server and the watchers' devices showed in the mover's acknowledgement time too.
/// </remarks>
[GenerateSerializer, Immutable]
public sealed record CardMoved(Guid CardId, long Version, int? Sprint, CardHistoryEntry Step, string Lane, int Index, string ByName, string? Warning, int? Remaining);

[GenerateSerializer, Immutable]
public sealed record ColumnsChanged(long ColumnsVersion, IReadOnlyList<BoardColumn> Columns, IReadOnlyList<Guid> Backlog);

[GenerateSerializer, Immutable]
public sealed record SprintChanged(TeamSprint Sprint);
