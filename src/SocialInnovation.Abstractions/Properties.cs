// Grain interfaces and wire records live here so that the server, the grains and the tests share one contract.
[assembly: Orleans.GenerateCodeForDeclaringAssembly(typeof(SocialInnovation.Camps.CampPhase))]
