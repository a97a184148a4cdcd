using SocialInnovation.Teams;

namespace SocialInnovation.Grains.Teams;

[GenerateSerializer]
public sealed class TeamState
{
    [Id(0)] public Guid CampId { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string Theme { get; set; } = "";
    [Id(3)] public int Capacity { get; set; }
    [Id(4)] public List<TeamMember> Members { get; set; } = [];
    [Id(5)] public Guid? CaptainId { get; set; }

    /// <summary>+1 with every change of members or captain.</summary>
    [Id(6)] public int Version { get; set; }

    public bool Exists => Name.Length > 0;
}
