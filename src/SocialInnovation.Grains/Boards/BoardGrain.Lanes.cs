using SocialInnovation.Grains.Common;
using SocialInnovation.Boards;
using SocialInnovation.Common;

namespace SocialInnovation.Grains.Boards;

/// <summary>Columns, the backlog and where cards stand in them.</summary>
public sealed partial class BoardGrain
{
    public const string WipLimitCode = "board.wip-limit";

    public async Task<Outcome<BoardAck>> SetColumns(SetColumns command, BoardActor by)
    {
        if (CommandCheck.Refusal(Shared<SetColumnsValidator>.Validator, command) is { } invalid) return invalid;
        if (_log.Replay(command.IdempotencyKey, command) is { } replayed) return await Replayed(replayed);

        if (command.BasedOn != Board.ColumnsVersion)
            return DomainError.Conflict("board.stale", "Someone changed the columns meanwhile. Look at them and try again.");
        if (command.Columns.FirstOrDefault(c => c.ColumnId is not null && Column(c.ColumnId) is null) is { } unknown)
            return UnknownLane(unknown.ColumnId!);
        var kept = command.Columns.Where(c => c.ColumnId is not null).Select(c => c.ColumnId).ToHashSet();
        if (Board.Columns.FirstOrDefault(c => !kept.Contains(c.ColumnId) && c.CardIds.Count > 0) is { } busy)
            return DomainError.Conflict("board.column-not-empty", $"'{busy.Name}' still has cards: move them first.");

        Board.Columns = command.Columns.Select(spec =>
        {
            var column = spec.ColumnId is { } id ? Column(id)! : new ColumnState { ColumnId = $"c{Board.NextColumn++}" };
            column.Name = spec.Name.Trim();
            column.WipLimit = spec.WipLimit;
            return column;
        }).ToList();
        Board.ColumnsVersion++;
        var envelope = _log.Append(BoardEventKinds.ColumnsChanged,
            new ColumnsChanged(Board.ColumnsVersion, Board.Columns.Select(c => c.View()).ToList(), Board.Backlog.ToList()));
        _log.Remember(command.IdempotencyKey, command);
        StoreWhole();
        await _log.Commit();
        return new BoardAck(envelope.Epoch, envelope.Seq, null, null);
    }

    private ColumnState? Column(string id) => Board.Columns.Find(c => c.ColumnId == id);

    private bool LaneExists(string lane) => lane == Lanes.Backlog || Column(lane) is not null;

    private string LaneName(string lane) => Column(lane)?.Name ?? Lanes.Backlog;

    private List<Guid> LaneCards(string lane) => lane == Lanes.Backlog ? Board.Backlog : Column(lane)!.CardIds;

    /// <summary>The lane a card is in and its place there.</summary>
    private (string Lane, int Index) Where(Guid cardId)
    {
        var backlog = Board.Backlog.IndexOf(cardId);
        if (backlog >= 0) return (Lanes.Backlog, backlog);
        foreach (var column in Board.Columns)
        {
            var index = column.CardIds.IndexOf(cardId);
            if (index >= 0) return (column.ColumnId, index);
        }
        return (Lanes.Backlog, -1);
    }

    /// <summary>Takes the card out of wherever it is and puts it at <paramref name="index"/> (clamped) of <paramref name="lane"/>.</summary>
    private int Place(Guid cardId, string lane, int index)
    {
        Board.Backlog.Remove(cardId);
        foreach (var column in Board.Columns) column.CardIds.Remove(cardId);
        var cards = LaneCards(lane);
        var at = Math.Clamp(index, 0, cards.Count);
        cards.Insert(at, cardId);
        return at;
    }

    /// <summary>
    /// Null when the lane has room (or the card is already in it: reordering never counts against a
    /// limit). Otherwise a refusal, or, when the camp only warns, the warning's code.
    /// </summary>
    private Outcome<string?>? WipCheck(string lane, string? fromLane)
    {
        if (lane == fromLane || Column(lane) is not { WipLimit: { } limit } column || column.CardIds.Count < limit) return null;
        if (Board.Plan.WipWarnOnly) return Outcome<string?>.Ok(WipLimitCode);
        return DomainError.Conflict(WipLimitCode, $"'{column.Name}' takes at most {limit} cards: finish one first.");
    }

    private BoardView View() => new(_campId, TeamId, _log.Epoch, _log.Position.Seq, Board.ColumnsVersion,
        Board.Columns.Select(c => c.View()).ToList(), Board.Backlog.ToList(),
        Board.Cards.Values.Where(c => !Board.Archived.Contains(c.CardId)).ToList(), Board.Plan, Board.Sprints.ToList());
}
