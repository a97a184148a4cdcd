namespace SocialInnovation.Grains.Common;

/// <summary>
/// Where a grain's small changes are stored since its state was last stored whole: one small record per
/// change, so a command is acknowledged once its few hundred bytes are stored instead of once the whole
/// state is rewritten. The host keeps them as rows of an Azure table (<c>Server/Hosting/TableJournal.cs</c>):
/// on the storage emulator a row insert took a third of a small blob write's time.
/// </summary>
/// <remarks>
/// Entries of one owner are keyed by their sequence number and only ever added (a second writer of the
/// same number fails instead of overwriting). The owner's own state stays the record of everything else;
/// an entry is dropped only after the whole state holding it was stored, and an activation replays the
/// entries newer than the state, so a crash between any two writes restores every acknowledged change.
/// <see cref="JournaledWrites{TEntry}"/> is the grain's side of it.
/// </remarks>
public interface IJournal<TEntry> where TEntry : IJournalEntry
{
    /// <summary>Stores the entries, all or none; completes once they are stored.</summary>
    Task Append(GrainId owner, IReadOnlyList<TEntry> entries);

    /// <summary>The owner's entries with a sequence number above <paramref name="after"/>, in order.</summary>
    Task<IReadOnlyList<TEntry>> Read(GrainId owner, long after);

    /// <summary>Forgets the entries up to <paramref name="upTo"/> (the state is stored whole past them); best effort.</summary>
    Task Drop(GrainId owner, long upTo);
}

/// <summary>A journal entry: numbered by its owner, one number per entry, rising.</summary>
public interface IJournalEntry
{
    long Seq { get; }
}
