using SocialInnovation.Grains.Boards;

namespace SocialInnovation.Grains.Tests;

/// <summary>The boards' journal in memory (<see cref="MemoryJournal{TEntry}"/>).</summary>
public sealed class MemoryBoardJournal(TestGrainStorage storage) : MemoryJournal<BoardJournalEntry>(storage), IBoardJournal;
