using Orleans.Concurrency;
using SocialInnovation.Camps;

namespace SocialInnovation.Live;

/// <summary>
/// Implemented by each web node: receives camp events and pushes them to the browsers connected to that
/// node. One-way, so a slow node never holds up the notifier that calls it.
/// </summary>
public interface ILiveObserver : IGrainObserver
{
    [OneWay]
    Task OnCampEvents(CampEvent[] events);
}

/// <summary>
/// The list of web nodes that want camp events (one activation, key 0). Nodes re-register on a timer;
/// a node that stops doing so is dropped.
/// </summary>
public interface ILiveNodeListGrain : IGrainWithIntegerKey
{
    Task Register(string nodeId, ILiveObserver observer);

    Task Unregister(string nodeId);

    /// <summary>The nodes that re-registered recently; forgets the rest.</summary>
    Task<ILiveObserver[]> GetObservers();
}

/// <summary>
/// Where grains hand their events for fan-out. A stateless worker, so every silo has a local one and the
/// handing-off is one-way and cheap: the publishing grain never waits for any browser.
/// </summary>
public interface ILiveNotifierGrain : IGrainWithIntegerKey
{
    [OneWay]
    Task Publish(CampEvent campEvent);
}
