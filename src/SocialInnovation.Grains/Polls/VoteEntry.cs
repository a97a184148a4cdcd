using SocialInnovation.Grains.Common;

namespace SocialInnovation.Grains.Polls;

/// <summary>
/// One vote as it was applied, the poll's journal entry (<see cref="IJournal{TEntry}"/>): only what the vote
/// changed, about 200 bytes, where the whole poll is every voter's pick and keys (~1.3 MB at 10,000 voters).
/// Replaying the entries newer than the stored poll, in order, gives the poll as it was after the last
/// acknowledged vote.
/// </summary>
/// <param name="Seq">The poll's journal number of the vote (<see cref="PollState.JournalSeq"/>), not the stream's seq: the stream is coalescing.</param>
/// <param name="Epoch">The epoch of the activation that took it (a later activation's must be larger).</param>
/// <param name="Version">The poll's version after the vote.</param>
/// <param name="Dots">The voter's whole pick after the vote (an audience vote: each choice with 1); empty = the dot-vote was withdrawn.</param>
/// <param name="Key">An audience vote's idempotency key, so a retry after a restart is answered, not applied twice.</param>
[GenerateSerializer, Immutable]
public sealed record VoteEntry(long Seq, long Epoch, long Version, Guid Voter, IReadOnlyDictionary<string, int> Dots, string? Key) : IJournalEntry;
