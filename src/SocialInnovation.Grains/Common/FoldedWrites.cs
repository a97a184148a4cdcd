using Orleans.Core;

namespace SocialInnovation.Grains.Common;

/// <summary>
/// The writes of a grain whose state grows with people (a roster's members, an invite's claims): what was
/// added since the last fold lives in a small state of its own, stored on every write, and the whole state
/// is stored only once <paramref name="foldAt"/> additions have gathered or something else in it changed.
/// So a burst of joins writes a few hundred bytes each time instead of the whole growing list.
/// </summary>
/// <remarks>
/// The order keeps a crash between the two writes safe: the whole state is stored with the additions
/// folded in, and only then the emptied recent state; until then storage holds the folded additions in
/// both, which an activation must take as one (a set or a dictionary by id does).
/// </remarks>
public sealed class FoldedWrites(IStorage whole, IStorage recent, int foldAt)
{
    private bool _wholeChanged;

    /// <summary>Something besides the additions changed: the next write stores the whole state.</summary>
    public void WholeChanged() => _wholeChanged = true;

    /// <param name="recentCount">Additions gathered since the last fold.</param>
    /// <param name="fold">Moves the additions into the whole state and empties the recent one.</param>
    public async Task Write(int recentCount, Action fold)
    {
        if (!_wholeChanged && recentCount < foldAt)
        {
            await recent.WriteStateAsync();
            return;
        }
        // Before any await: changes made during these writes are stored by the next write.
        _wholeChanged = false;
        fold();
        await whole.WriteStateAsync();
        if (recentCount > 0) await recent.WriteStateAsync();
    }
}
