namespace SocialInnovation.Benchmarks.Swarm;

/// <summary>A stream the swarm writes to and watches, with the people allowed to watch it.</summary>
public sealed class PreparedStream(string name, IReadOnlyList<string?> watcherCookies, string? spareCookie)
{
    public string Name => name;
    public IReadOnlyList<string?> WatcherCookies => watcherCookies;

    /// <summary>One more member, for a slow consumer or a flooder.</summary>
    public string? SpareCookie => spareCookie;

    /// <summary>Whatever the target needs to make the next change (e.g. the camp's current phase).</summary>
    public object? State { get; set; }
}

/// <summary>What the swarm measures: the bare hub, the naive hub or the product.</summary>
public abstract class Target(string name, Uri address)
{
    public string Name => name;
    public Uri Address => address;
    public Uri Hub => new(address, "/hubs/camp");

    /// <summary>Creates the streams and the people who watch them; returns joins per second where people joined a camp.</summary>
    public abstract Task<(IReadOnlyList<PreparedStream> Streams, double? JoinsPerSecond)> Prepare(int streams, int watchersPerStream);

    /// <summary>Makes one change and returns its position once the target acknowledged it (on a coalescing stream: the version of the state it made).</summary>
    public abstract Task<long> Change(PreparedStream stream);

    /// <summary>People joining one camp by invite, as fast as they come; null where there are no camps.</summary>
    public virtual Task<JoinResult?> Join(int people, int concurrency) => Task.FromResult<JoinResult?>(null);
}

public sealed record JoinResult(int People, int Failed, double JoinsPerSecond, IReadOnlyList<double> Latencies);
