using SocialInnovation.Grains.Common;

namespace SocialInnovation.Grains.Polls;

/// <summary>
/// How a poll is stored: votes as entries of its journal (<see cref="IJournal{TEntry}"/>, one row per group
/// commit in the host), everything else (opening, closing, revealing, options) as the whole poll, which is
/// also written in the background once the journal holds enough votes (<see cref="JournaledWrites{TEntry}"/>,
/// the board's mechanics).
/// </summary>
/// <remarks>
/// Why: every group commit used to rewrite the whole poll, every voter's pick and keys (~1.3 MB at 10,000
/// voters), and with one vote at a time (5 a second in the crowd benchmark) a vote's answer waited for a
/// blob write; 95 % of its time in the server, traced. A vote now waits for a row of about 200 bytes.
/// </remarks>
public sealed partial class PollGrain
{
    /// <summary>Votes in the journal before the poll is stored whole, at least; see <see cref="CompactAfter"/>.</summary>
    public const int MinCompactAfter = 64;

    private JournaledWrites<VoteEntry>? _writes;

    private JournaledWrites<VoteEntry> Writes => _writes ??= new JournaledWrites<VoteEntry>(journal, this.GetGrainId(),
        () => state.WriteStateAsync(), () => Poll.JournalSeq, DeactivateOnIdle, CompactAfter);

    /// <summary>
    /// A whole write costs as much as the poll has voters, so it comes once the journal holds a quarter as many
    /// votes as that (at least <see cref="MinCompactAfter"/>): per vote it then costs about four votes' worth of
    /// the poll, however large the poll grows, and an activation never replays more than about the poll's size.
    /// </summary>
    private int CompactAfter() => Math.Max(MinCompactAfter, Poll.Votes.Count / 4);

    /// <summary>A vote, to be stored as a journal entry by the next write (its pick copied: options merge in place).</summary>
    private void Journaled(Guid voterId, IReadOnlyDictionary<string, int> dots, string? key) =>
        Writes.Add(new VoteEntry(++Poll.JournalSeq, Log.Epoch, Poll.Version, voterId, new Dictionary<string, int>(dots), key));

    /// <summary>
    /// At activation, before the stream is numbered: one vote from the journal applied as it was first, so the
    /// picks, the version, the voter's keys and the epoch are as they were after the last acknowledged vote.
    /// </summary>
    private void Replayed(VoteEntry vote)
    {
        if (vote.Dots.Count == 0) Poll.Votes.Remove(vote.Voter);
        else Poll.Votes[vote.Voter] = new Dictionary<string, int>(vote.Dots);
        if (vote.Key is { } key && Poll.Audience is { } audience)
        {
            if (!audience.Keys.TryGetValue(vote.Voter, out var keys)) audience.Keys[vote.Voter] = keys = [];
            keys.Add(key);
        }
        Poll.Version = vote.Version;
        Poll.JournalSeq = vote.Seq;
        Poll.Log.Epoch = Math.Max(Poll.Log.Epoch, vote.Epoch);
    }
}
