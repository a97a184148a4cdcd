namespace SocialInnovation.Boards;

/// <summary>The kinds of events on a board's stream; each card event carries the card where it now stands.</summary>
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

[GenerateSerializer, Immutable]
public sealed record ColumnsChanged(long ColumnsVersion, IReadOnlyList<BoardColumn> Columns, IReadOnlyList<Guid> Backlog);

[GenerateSerializer, Immutable]
public sealed record SprintChanged(TeamSprint Sprint);
