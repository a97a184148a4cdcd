using Orleans.Concurrency;
using SocialInnovation.Common;
using SocialInnovation.Live;

namespace SocialInnovation.Boards;

/// <summary>
/// One team's board: its backlog, sprint columns, cards and sprints, and the owner of the stream
/// <c>board:&lt;camp&gt;:&lt;team&gt;</c>. Keyed by the team's id with the camp's id (Guid "N") as the
/// key's extension, so the grain knows its stream from its key and a board is never shared by camps.
/// Only the server calls it, after checking that the team belongs to the camp.
/// </summary>
public interface IBoardGrain : IGrainWithGuidCompoundKey, IStreamOwnerGrain
{
    Task<BoardView> GetView();

    Task<BoardCard?> GetCard(Guid cardId);

    /// <summary>One sprint's side on this board (empty notes at version 0 if nothing was written yet).</summary>
    Task<TeamSprint> GetSprint(int number);

    Task<Outcome<BoardAck>> CreateCard(CreateCard command, BoardActor by);

    Task<Outcome<BoardAck>> EditCard(EditCard command, BoardActor by);

    Task<Outcome<BoardAck>> MoveCard(MoveCard command, BoardActor by);

    Task<Outcome<BoardAck>> CommentCard(CommentCard command, BoardActor by);

    Task<Outcome<BoardAck>> SetColumns(SetColumns command, BoardActor by);

    Task<Outcome<BoardAck>> WriteSprintNotes(WriteSprintNotes command, BoardActor by);

    /// <summary>The camp's newest plan (from <see cref="ICampBoardsGrain"/>); an older one than the board has changes nothing.</summary>
    Task<BoardAck> ApplyPlan(CampBoardPlan plan);
}

/// <summary>The organizer's plan for every board of one camp (keyed by the camp's id).</summary>
public interface ICampBoardsGrain : IGrainWithGuidKey
{
    // Boards ask for the plan while they activate, possibly while this grain is telling them a new one.
    [AlwaysInterleave]
    Task<CampBoardPlan> GetPlan();

    /// <summary>Changes the plan and tells every board of <paramref name="teamIds"/>.</summary>
    Task<Outcome<CampBoardPlan>> Configure(ConfigureBoards command, IReadOnlyList<Guid> teamIds);

    /// <summary>Starts a sprint of the schedule (stopping the running one), or stops the running one, on every board.</summary>
    Task<Outcome<CampBoardPlan>> RunSprint(RunSprint command, IReadOnlyList<Guid> teamIds);
}

public static class BoardStreams
{
    public const string Kind = "board";

    public static StreamId For(Guid campId, Guid teamId) => StreamId.For(Kind, campId, teamId.ToString("N"));

    public static IBoardGrain Board(this IGrainFactory grains, Guid campId, Guid teamId) =>
        grains.GetGrain<IBoardGrain>(teamId, campId.ToString("N"));
}
