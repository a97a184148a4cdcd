using SocialInnovation.Common;
using SocialInnovation.Polls;

namespace SocialInnovation.Grains.Polls;

/// <summary>
/// Options that change while a dot-vote runs: problem statements proposed late, and duplicates merged.
/// Like every command here, each checks and changes memory with no await in between, so votes arriving
/// meanwhile (the grain is reentrant) see the poll before or after the change, never half of it.
/// </summary>
public sealed partial class PollGrain
{
    public const int MaxOptions = 50;

    public async Task<Outcome<PollOption>> AddOption(string label)
    {
        if (!Poll.Exists) return Unknown();
        if (Poll.Audience is not null) return DomainError.Conflict("poll.audience", "An audience poll's options are fixed.");
        if (Poll.Options.Find(o => string.Equals(o.Label, label, StringComparison.OrdinalIgnoreCase)) is { } same)
        {
            await Log.Settled();
            return same;
        }
        if (Poll.Closed) return DomainError.Conflict("poll.closed", "Voting has closed.");
        if (Poll.Options.Count >= MaxOptions) return DomainError.Conflict("poll.options-full", $"A poll has at most {MaxOptions} options.");

        // Ids are never reused, so a merged option's id cannot come back as another option.
        var option = new PollOption($"o{Poll.Options.Count + Poll.MergedInto.Count + 1}", label);
        Poll.Options.Add(option);
        Poll.Version++;
        await Store();
        return option;
    }

    public async Task<Outcome<PollTally>> MergeOptions(string from, string into)
    {
        if (!Poll.Exists) return Unknown();
        if (Poll.Audience is not null) return DomainError.Conflict("poll.audience", "An audience poll's options are fixed.");
        if (Poll.MergedInto.TryGetValue(from, out var earlier) && earlier == into)
        {
            await Log.Settled();
            return Tally();
        }
        if (Poll.Closed) return DomainError.Conflict("poll.closed", "Voting has closed.");
        if (from == into || Poll.Options.All(o => o.Id != from) || Poll.Options.All(o => o.Id != into))
            return DomainError.Conflict("poll.option-unknown", "Both options must be open options of this poll, and differ.");

        foreach (var allocation in Poll.Votes.Values)
        {
            if (!allocation.Remove(from, out var moved)) continue;
            allocation[into] = allocation.GetValueOrDefault(into) + moved;
        }
        Poll.Options.RemoveAll(o => o.Id == from);
        // Options merged into `from` earlier now lead to `into`.
        foreach (var (merged, target) in Poll.MergedInto.Where(m => m.Value == from).ToList()) Poll.MergedInto[merged] = into;
        Poll.MergedInto[from] = into;
        Poll.Version++;
        return await Store();
    }

    /// <summary>A voter's dots with merged options counted for the option that took them (a page not yet updated still counts).</summary>
    private Dictionary<string, int> Resolve(IReadOnlyDictionary<string, int> dots)
    {
        var resolved = new Dictionary<string, int>();
        foreach (var (option, count) in dots)
        {
            if (count <= 0) continue;
            var id = Poll.MergedInto.GetValueOrDefault(option, option);
            resolved[id] = resolved.GetValueOrDefault(id) + count;
        }
        return resolved;
    }
}
