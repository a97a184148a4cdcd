using SocialInnovation.Boards;
using SocialInnovation.Grains.Live;

namespace SocialInnovation.Grains.Boards;

/// <summary>One team's board, as stored: cards, lanes, sprints and the board's stream log, in one write.</summary>
[GenerateSerializer]
public sealed class BoardState
{
    [Id(0)] public StreamLogState Log { get; set; } = new();
    [Id(1)] public List<ColumnState> Columns { get; set; } = [];
    [Id(2)] public List<Guid> Backlog { get; set; } = [];
    [Id(3)] public Dictionary<Guid, BoardCard> Cards { get; set; } = [];
    /// <summary>Cards done in a sprint that has stopped: kept for velocity and history, off the board.</summary>
    [Id(4)] public List<Guid> Archived { get; set; } = [];
    [Id(5)] public CampBoardPlan Plan { get; set; } = CampBoardPlan.Default;
    [Id(6)] public List<TeamSprint> Sprints { get; set; } = [];
    [Id(7)] public long ColumnsVersion { get; set; }
    [Id(8)] public int NextColumn { get; set; } = 1;

    public bool Exists => Columns.Count > 0;
}

[GenerateSerializer]
public sealed class ColumnState
{
    [Id(0)] public string ColumnId { get; set; } = "";
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public int? WipLimit { get; set; }
    [Id(3)] public List<Guid> CardIds { get; set; } = [];

    public BoardColumn View() => new(ColumnId, Name, WipLimit, CardIds.ToList());
}
