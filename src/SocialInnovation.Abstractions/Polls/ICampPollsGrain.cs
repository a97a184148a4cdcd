namespace SocialInnovation.Polls;

/// <summary>The polls of one camp (keyed by the camp's id), so that its pages can find them; the votes stay in each poll.</summary>
public interface ICampPollsGrain : IGrainWithGuidKey
{
    /// <summary>Adds a poll once; adding it again (a retried opening) changes nothing.</summary>
    Task Add(Guid pollId);

    /// <summary>The camp's polls, the newest first.</summary>
    Task<IReadOnlyList<Guid>> List();
}
