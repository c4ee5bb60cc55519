using static Candlefish.Domain.Paintbox.Pricing.WorkbookMath;

namespace Candlefish.Domain.Paintbox.Pricing;

/// <summary>Gallons per color (`Exterior Formula Sheet` BI259:BI266), each rounded up on its own.</summary>
public sealed record ExteriorGallons(decimal Body, decimal Trim, decimal Trim2, decimal Accent, decimal Accent2, decimal Body2, decimal Flat, decimal Stain)
{
    /// <summary>Paint gallons (every color but stain): BI267 − BI266.</summary>
    public decimal Paint => Body + Trim + Trim2 + Accent + Accent2 + Body2 + Flat;
}

/// <summary>One product column of `Exterior Formula Sheet` rows 269–279.</summary>
public sealed record ExteriorProductPrice(
    string Name, decimal Paint, decimal Stain, decimal Sundries, decimal Material, decimal Labor, decimal CostOfGoods,
    decimal GrossMargin, decimal FinalPrice, decimal ListPrice, decimal Discount);

/// <summary>An add-on priced from the crew's cost (`Exterior Formula Sheet` AU112:AY116): included unless declined.</summary>
public sealed record AutomaticAddOn(string Work, decimal Quantity, decimal CrewCost, decimal Price, bool Included);

/// <summary>Side jobs' prices (`Exterior Formula Sheet` AX160:AX188, shown on `Ext Measure` rows 138–146).</summary>
public sealed record SideJobPrices(decimal Decks, decimal DeckRailing, decimal DeckUnderside, decimal Fence, decimal Pergola, decimal PrivacyWall, decimal Sheds);

/// <summary>The crew's pay (`Ext Crew Labor` P134:P158): the house total and the total without the add-ons' work.</summary>
public sealed record ExteriorCrewLabor(IReadOnlyDictionary<string, decimal> Lines, decimal HouseTotal, decimal WithoutAddOns, decimal TrimOnly, decimal UnpaintedBrick);

public sealed record ExteriorQuote(
    IReadOnlyList<ExteriorProductPrice> Products,
    ExteriorGallons Gallons,
    ExteriorCrewLabor Crew,
    IReadOnlyList<AutomaticAddOn> AutomaticAddOns,
    decimal SidingSqFt,
    decimal TrimLinearFeet,
    SideJobPrices SideJobs,
    Negotiation Negotiation)
{
    /// <summary>The body color's square feet, `Ext Measure`!F151 ("Body SQ", pushed to Salesforce): siding and misc areas painted body.</summary>
    public decimal BodySqFt { get; init; }

    public ExteriorProductPrice this[string product] => Products.First(p => p.Name == product);
}

/// <summary>
/// BART 3.2's exterior pricing (`Exterior Formula Sheet`, `Ext Crew Labor`, `PM Sheet` sundries), reproduced cell by
/// cell, quirks included: where the workbook reads a neighbouring cell (a bug a painter would call one), the comment
/// says so and the engine does the same, because the prices customers were quoted came from those cells.
/// </summary>
public static class ExteriorPricing
{
    public const string RailingWork = "Railing Length";
    public const string WoodWindowsWork = "Wood Windows";
    public const string InstallingShuttersWork = "Installing Shutters";
    public const string StormWindowsWork = "Storm Windows";
    public const string WrappedTrimWork = "Wrapped Trim";

    private static readonly string[] PaintColors = ["Body", "Trim", "Trim 2", "Accent", "Accent 2", "Body 2", "Flat", "Stain"];
    private static readonly HashSet<string> PlacedColors = ["Trim", "Body", "Accent", "Stain", "Trim 2", "Accent 2"];

    public static ExteriorQuote Price(ExteriorEstimate estimate, PriceBook book)
    {
        var p = book.Exterior;
        var stuccoCoverage = estimate.StuccoCoverageSqFtPerGallon ?? p.CoverageSqFtPerGallon.GetValueOrDefault("Stucco", 150m);
        var brickCoverage = estimate.UnpaintedBrickCoverageSqFtPerGallon ?? 100m;
        var budget = estimate.Budget ?? BudgetAddOns.None;
        var elevations = Enum.GetValues<ElevationSide>().Select(side => estimate[side] ?? new Elevation(side, false, [])).ToList();
        bool Included(ElevationSide side) => elevations[(int)side].Included;

        // Rows 3–94: every measure line.
        decimal siding = 0, nailsSqFt = 0, edgesSqFt = 0, facesSqFt = 0, prep = 0, leadLabor = 0, heightArea = 0, access = 0;
        decimal unpaintedBrickArea = 0, brickAccess = 0, brickHeight = 0, foundationArea = 0;
        var sidingAreaByKey = new Dictionary<string, decimal>();
        var backrollSqFt = new Dictionary<string, decimal>();
        foreach (var e in elevations)
        {
            var elevationSiding = e.Included ? e.Lines.Where(l => l.Substrate != "Brick Unpainted").Sum(l => l.AreaSqFt) : 0m; // B8
            siding += elevationSiding;
            var nails = elevationSiding * e.NailsPercent; // I3
            var edges = elevationSiding * e.EdgesPercent; // L3
            var faces = elevationSiding * e.FacesPercent; // O3
            nailsSqFt += nails; edgesSqFt += edges; facesSqFt += faces;
            var crewPrep = nails * PrepRate(p, p.NailsWeight) + edges * PrepRate(p, p.EdgesWeight) + faces * PrepRate(p, p.FacesWeight); // T3 = J3 + M3 + P3
            for (var i = 0; i < e.Lines.Count; i++)
            {
                var line = e.Lines[i];
                var heightMultiplier = p.HeightMultipliers.GetValueOrDefault(line.Story, 1m); // G3
                var accessMultiplier = p.AccessMultipliers.GetValueOrDefault(line.Access, 1m); // Q3
                var area = e.Included && line.Substrate != "Brick Unpainted" ? line.AreaSqFt : 0m; // E3
                var linePrep = i == 0 ? crewPrep : 0m; // the prep columns sit on an elevation's first line only
                prep += linePrep; // T95
                if (estimate.LeadPositive) leadLabor += p.LeadChargeFactor * linePrep - linePrep; // V3
                heightArea += (heightMultiplier - 1m) * area + (heightMultiplier - 1m) * linePrep; // W3 = (G−1)·E + S
                access += area * (accessMultiplier - 1m); // U3
                if (e.Included && line.Substrate == "Brick Unpainted")
                {
                    var brick = line.AreaSqFt;
                    brickAccess += brick * (accessMultiplier - 1m); // AA3
                    brickHeight += (heightMultiplier - 1m) * brick + (heightMultiplier - 1m) * brick * p.Crew.UnpaintedBrickPerSqFt; // AC3 = (G−1)·area + AB3
                }
                if (!e.Included) continue;
                backrollSqFt[line.Substrate] = backrollSqFt.GetValueOrDefault(line.Substrate) + area; // G115:G126 SUMIF
                // AY3:BH3: a line is grouped by "substrate color"; unpainted brick and foundation lines are set apart.
                var key = line.Substrate + " " + line.Color;
                var firstWord = key.Split(' ')[0];
                var gallonsArea = key == "Brick Unpainted Brick Unpainted" ? line.AreaSqFt : area; // AZ3
                if (key[(key.IndexOf(' ') + 1)..] == "Unpainted Brick Unpainted") // BC3
                    unpaintedBrickArea += gallonsArea; // BD3
                else if (firstWord == "Foundation")
                    foundationArea += gallonsArea; // BF3
                else
                    sidingAreaByKey[key] = sidingAreaByKey.GetValueOrDefault(key) + gallonsArea; // BH3
            }
        }
        var leadLaborTotal = estimate.LeadPositive ? Math.Max(p.LeadLaborMinimum, leadLabor) : 0m; // V95
        var heightCharge = heightArea * p.HeightChargeFactor; // W95

        // BI179:BS216 then BE219: siding gallons per color = Σ area ÷ the substrate's coverage, grouped by color.
        var sidingGallons = new Dictionary<string, decimal>();
        foreach (var (key, area) in sidingAreaByKey)
        {
            var coverage = p.CoverageForSubstrate(key, stuccoCoverage, brickCoverage);
            var color = ColorOfKey(key);
            sidingGallons[color] = sidingGallons.GetValueOrDefault(color) + (coverage == 0m ? 0m : area / coverage); // BM181
        }

        // Rows 98–103: each elevation's trim, openings, soffit and masking.
        decimal trimFeet = 0, fasciaFeet = 0, railingFeet = 0, railingPrep = 0, woodWindows = 0, shuttersToInstall = 0, wrappedTrim = 0;
        decimal accessDoors = 0, shutters = 0, windows = 0, garageDoors = 0, trimPrep = 0, masking = 0, soffitTrim = 0, frieze = 0;
        decimal stormWindowPay = 0, rafterMasking = 0, rafterSqFt = 0, soffitPaperRolls = 0;
        var soffitGallonsByColor = new Dictionary<string, decimal>();
        var rafterGallonsByColor = new Dictionary<string, decimal>();
        foreach (var e in elevations)
        {
            // Left's wood windows are counted when the Rear is measured (E101 reads B100), and the storm windows of
            // the Rear, Left and Detached when the Front is (W100:W102 read B98).
            var woodWindowsCounted = e.Side == ElevationSide.Left ? Included(ElevationSide.Rear) : e.Included;
            if (woodWindowsCounted) woodWindows += e.WoodWindows; // E98
            var stormCounted = e.Side is ElevationSide.Rear or ElevationSide.Left or ElevationSide.Detached ? Included(ElevationSide.Front) : e.Included;
            if (stormCounted) stormWindowPay += StormWindowPay(p, e); // W98
            if (!e.Included) continue;
            trimFeet += e.TrimLengthFeet; // C98
            fasciaFeet += e.FasciaLengthFeet; // Z98
            railingFeet += e.RailingLengthFeet; // D98
            railingPrep += e.RailingLengthFeet * e.RailingPrepPercent * p.RailingPrepPerFoot; // AE98
            shuttersToInstall += e.ShuttersToInstall; // F98
            wrappedTrim += e.WrappedTrimFeet; // H98
            accessDoors += e.AccessDoors; // I98
            shutters += e.Shutters; // J98
            windows += e.Windows; // K98
            garageDoors += e.GarageDoors; // L98
            // O98: trim prep = the elevation's trim prep % × (fascia + trim + windows×10 + doors×17 + garage doors×22) × $0.22.
            var trimRun = e.FasciaLengthFeet + e.TrimLengthFeet + e.Windows * p.TrimFeetPerWindow + e.AccessDoors * p.TrimFeetPerAccessDoor
                + e.GarageDoors * p.TrimFeetPerGarageDoor;
            trimPrep += e.TrimPrepPercent * trimRun * p.TrimPrepPerFoot;
            masking += p.MaskingRatePerFootByStory.GetValueOrDefault(e.MaskingStory) * e.MaskingLengthFeet; // Q98
            if (e.SoffitColor != "Body")
            {
                soffitTrim += p.SoffitTrimRatePerFootByStory.GetValueOrDefault(e.FasciaStory) * e.FasciaLengthFeet; // T98
                soffitPaperRolls += e.FasciaLengthFeet / p.Sundries.SoffitFeetPerPaperRoll; // P322
            }
            frieze += e.AccentedFriezeBoardFeet * p.FriezeRatePerFoot; // V98 = U98 × Q168
            var sizeMultiplier = p.SoffitSizeMultipliers.GetValueOrDefault(e.SoffitSizeInches); // VLOOKUP(AA98, O169:P171)
            if (estimate.RafterOnCenterInches != 0m)
            {
                // X98/Y98: rafters = open soffit × 12 ÷ on-center; the Detached row reads its railing length (F125)
                // where the others read the open soffit (a cell one row off in X102/Y102).
                var rafterRun = e.Side == ElevationSide.Detached ? e.RailingLengthFeet : e.OpenSoffitLengthFeet;
                rafterMasking += rafterRun * 12m / estimate.RafterOnCenterInches * sizeMultiplier * 2m * p.RafterMaskingRate; // Y98
                // AC98: rafter soffit square feet; AD98: its gallons (multiplier of the estimate's soffit size, J12).
                var rafterArea = e.OpenSoffitLengthFeet * 12m / estimate.RafterOnCenterInches * (estimate.RafterHeightFeet * 2m) * e.SoffitSizeInches / 144m;
                rafterSqFt += rafterArea;
                var rafterGallons = p.SoffitSizeMultipliers.GetValueOrDefault(estimate.SoffitSizeInches) * rafterArea / p.RafterCoverageSqFtPerGallon;
                rafterGallonsByColor[e.SoffitColor] = rafterGallonsByColor.GetValueOrDefault(e.SoffitColor) + rafterGallons; // AV97 QUERY
            }
            // AG98/AH98: the soffit along the fascia, in the soffit's color.
            var soffitArea = e.FasciaLengthFeet * p.SoffitSizeMultipliers.GetValueOrDefault(e.SoffitSizeInches);
            soffitGallonsByColor[e.SoffitColor] = soffitGallonsByColor.GetValueOrDefault(e.SoffitColor) + soffitArea / p.SoffitCoverageSqFtPerGallon; // AK97 QUERY
        }

        // AU112:AY116: add-ons priced from the crew's cost, included unless declined.
        var declined = estimate.DeclinedAutomaticAddOns ?? [];
        var railingCost = railingFeet * p.Crew.RailingPerFoot + railingPrep + RoundUp(railingFeet / p.RailingCoverageFeetPerGallon) * p.TaxedPricePerGallon("Emerald"); // AX112 (+ BC247)
        var addOns = new List<AutomaticAddOn>
        {
            AddOn(RailingWork, railingFeet, railingCost),
            AddOn(WoodWindowsWork, woodWindows, woodWindows * p.Crew.WoodWindow), // AX113
            AddOn(InstallingShuttersWork, shuttersToInstall, shuttersToInstall * p.Crew.InstallingShutter), // AX114
            AddOn(StormWindowsWork, elevations.Where(e => e.Included).Sum(e => (decimal)e.StormWindows), stormWindowPay), // AX115 = W103
            AddOn(WrappedTrimWork, wrappedTrim, wrappedTrim * p.Crew.WrappedTrimPerFoot), // AX116
        };
        AutomaticAddOn AddOn(string work, decimal quantity, decimal cost) =>
            new(work, quantity, cost, cost / p.AutomaticAddOnCostShare, cost > 0m && !declined.Contains(work));
        decimal IncludedCost(string work) => addOns.Where(a => a.Work == work && a.Included).Sum(a => a.CrewCost); // BT112:BT122
        var addOnPrices = addOns.Where(a => a.Included).Sum(a => a.Price); // BS123

        // Misc gallons by color placement (`Ext Measure` rows 233–263, `Exterior Formula Sheet` AY219:BB259).
        var colors = estimate.Colors;
        var misc = new List<(string Color, decimal SqFt, decimal Coverage)>
        {
            (colors.Trim, (colors.Trim is "Body" || !PlacedColors.Contains(colors.Trim) ? 0m : trimFeet), p.TrimCoverageSqFtPerGallon), // AZ220
            (colors.GarageDoor, GarageDoorArea(colors.GarageDoor, garageDoors, p), p.MiscCoverageSqFtPerGallon), // AZ223
            (colors.FrontDoor, (PlacedColors.Contains(colors.FrontDoor) ? p.DoorSqFt : 0m), p.MiscCoverageSqFtPerGallon), // AZ226
            (colors.Fascia, (PlacedColors.Contains(colors.Fascia) ? fasciaFeet : 0m), p.FasciaCoverageSqFtPerGallon), // AZ229
            (colors.Shutters, (PlacedColors.Contains(colors.Shutters) ? shutters * p.ShutterSqFt : 0m), p.MiscCoverageSqFtPerGallon), // AZ232
            (colors.Foundation, (PlacedColors.Contains(colors.Foundation) ? foundationArea : 0m), p.MiscCoverageSqFtPerGallon), // AZ235
            (colors.AccessDoors, (PlacedColors.Contains(colors.AccessDoors) ? Math.Max(0m, accessDoors - 1m) * p.DoorSqFt : 0m), p.MiscCoverageSqFtPerGallon), // AZ238
            ("Brick Unpainted", unpaintedBrickArea, brickCoverage), // AZ244
            (colors.FriezeBoard, elevations.Where(e => e.Included).Sum(e => e.AccentedFriezeBoardFeet), p.MiscCoverageSqFtPerGallon), // AZ250 = U103
            (colors.Rafters, rafterSqFt, (colors.Rafters != "Body" ? p.RafterAccentCoverageSqFtPerGallon : p.RafterCoverageSqFtPerGallon)), // AZ259
        };
        var miscGallons = misc.GroupBy(m => m.Color).ToDictionary(g => g.Key, g => g.Sum(m => m.SqFt / m.Coverage)); // BE249 QUERY
        // BC223: a garage door that is not body color comes off the body's gallons.
        var garageDeduction = colors.GarageDoor.Equals("Body", StringComparison.OrdinalIgnoreCase) ? 0m
            : -GarageDoorArea(colors.GarageDoor, garageDoors, p) / p.MiscCoverageSqFtPerGallon;
        decimal Gallons(string color) => RoundUp(sidingGallons.GetValueOrDefault(color) + miscGallons.GetValueOrDefault(color)
            + rafterGallonsByColor.GetValueOrDefault(color) + soffitGallonsByColor.GetValueOrDefault(color)
            + (color == "Body" ? garageDeduction : 0m)); // BI259:BI266 = ROUNDUP(BH226 + BH259)
        var gallons = new ExteriorGallons(Gallons("Body"), Gallons("Trim"), Gallons("Trim 2"), Gallons("Accent"), Gallons("Accent 2"),
            Gallons("Body 2"), Gallons("Flat"), Gallons("Stain"));
        var unpaintedBrickGallons = unpaintedBrickArea / brickCoverage; // BB244

        // `Ext Crew Labor` P134:P158.
        var c = p.Crew;
        var trimAndFascia = trimFeet + fasciaFeet; // F106 = Σ (C98 + Z98)
        var backroll = new[] { "Stucco", "Cedar_Stain", "Stain", "Cedar" }.Sum(s => backrollSqFt.GetValueOrDefault(s)); // G127
        var crewLines = new Dictionary<string, decimal>
        {
            ["Body"] = c.BodyPerSqFt * siding, // P134
            ["Trim"] = c.TrimPerFoot * trimAndFascia, // P135
            ["Soffit Not Body"] = soffitTrim, // P136
            ["Freeze Board Accented"] = frieze, // P137
            ["Rafters Accented"] = rafterMasking, // P138
            ["Wrapped Trim"] = IncludedCost(WrappedTrimWork), // P139
            ["Front Door"] = colors.FrontDoor != "No Front Door" ? c.FrontDoor : 0m, // P142
            ["Doors"] = c.Door * (accessDoors + garageDoors), // P143
            ["Masking Windows"] = c.MaskingWindow * windows, // P144
            ["Wood Windows"] = IncludedCost(WoodWindowsWork), // P145
            ["Prep"] = prep + trimPrep, // P146 = X116 + X119
            ["Lead"] = leadLaborTotal, // P147
            ["Storm Windows"] = IncludedCost(StormWindowsWork), // P148
            ["Shutters"] = c.Shutter * shutters, // P149
            ["Installing Shutters"] = IncludedCost(InstallingShuttersWork), // P150
            ["Railing"] = IncludedCost(RailingWork), // P151
            ["Masking"] = masking, // P152
            ["Access"] = access, // P153
            ["Height"] = heightCharge, // P154
            ["Backroll"] = c.BackrollPerSqFt * backroll, // P155
        };
        var houseLabor = crewLines.Values.Sum(); // P158 (P140, P141 and P156 are switched off or taken back out)
        var laborWithoutAddOns = houseLabor - crewLines["Railing"] - crewLines["Wood Windows"] - crewLines["Installing Shutters"]
            - crewLines["Storm Windows"] - crewLines["Wrapped Trim"]; // W158
        var trimOnlyLabor = c.TrimOnlyPerFoot * trimAndFascia + budget.Labor + crewLines["Shutters"] + crewLines["Doors"] + crewLines["Trim"] + trimPrep; // BJ273
        var brickLabor = c.UnpaintedBrickPerSqFt * unpaintedBrickArea + brickAccess + brickHeight; // BN273 = P157 + AA95 + AC95
        var crew = new ExteriorCrewLabor(crewLines, houseLabor, laborWithoutAddOns, trimOnlyLabor, brickLabor);

        // J327: sundries from `PM Sheet` P36:P41, plus lead sundries L331.
        var s = p.Sundries;
        var paperRolls = s.BasePaperRolls + soffitPaperRolls; // E321
        var cp6 = windows / s.WindowsPerCp6 > 1m ? RoundUp(windows / s.WindowsPerCp6) : 1m; // O37
        var caulk = nailsSqFt / s.NailSqFtPerCaulkBox > 1m ? RoundUp(nailsSqFt / s.NailSqFtPerCaulkBox) * s.CaulkTubesPerBox : s.CaulkTubesPerBox; // O38
        var primer = (edgesSqFt + facesSqFt) / s.PrimerSqFtPerGallon > 1m ? RoundUp((edgesSqFt + facesSqFt) / s.PrimerSqFtPerGallon) : 1m; // O39
        var sundries = (paperRolls * s.PaperPrice + cp6 * s.Cp6Price + caulk * s.CaulkPrice + primer * s.PrimerPrice
            + paperRolls * s.Tape1InchPrice + s.Tape15InchRolls * s.Tape15InchPrice) * s.Markup;
        if (estimate.LeadPositive)
        {
            // G331: every line's length on the four sides of the house (not the detached structure), per 100 ft of plastic.
            var lineFeet = elevations.Where(e => e.Side != ElevationSide.Detached).SelectMany(e => e.Lines).Sum(l => l.LengthFeet);
            var plastic = lineFeet / s.LeadLineFeetPerPlastic > 1m ? RoundUp(lineFeet / s.LeadLineFeetPerPlastic) : 1m; // O42
            sundries += plastic * (s.HuskyPlasticPrice + s.DuctTapePrice) * s.Markup; // L331 = P42 + P43
        }
        var rainRefreshSundries = sundries + (s.RainRefreshTapePrice - s.Tape1InchPrice) * (paperRolls + s.Tape15InchRolls); // BG271

        // Rows 269–279, one column per product.
        var emeraldPerGallon = p.TaxedPricePerGallon("Emerald");
        var stain = gallons.Stain * p.TaxedPricePerGallon("Superdeck"); // BF270
        var loxon = RoundUp(unpaintedBrickGallons) * p.TaxedPricePerGallon("Loxon"); // BN269
        var discountRate = book.Discounts.ExteriorBaseDiscount; // row 275
        var products = new List<ExteriorProductPrice>();
        ExteriorProductPrice? emerald = null;
        foreach (var terms in p.Products)
        {
            var (paint, stainCost, sundry, materialAddOn, labor) = terms.Name switch
            {
                "Trim Only" => (gallons.Trim * p.PaintPricePerGallon["Emerald"], 0m, sundries, budget.Material, trimOnlyLabor),
                "Stain" => (0m, stain, sundries, budget.Material, laborWithoutAddOns + budget.Labor),
                "Rain Refresh" => (gallons.Paint * p.TaxedPricePerGallon("Rain Refresh"), stain, rainRefreshSundries, budget.Material, laborWithoutAddOns + budget.Labor),
                "Loxon Unpainted Brick" => (loxon, 0m, 0m, budget.Material, brickLabor),
                "Include Brick" => (loxon, 0m, 0m, budget.MaterialForOtherProducts, brickLabor),
                "Ultra Spec Exterior" or "Regal High Build" => (gallons.Paint * p.TaxedPricePerGallon(terms.PaintPriceList!), stain, sundries,
                    budget.MaterialForOtherProducts, laborWithoutAddOns + budget.Labor),
                _ => (gallons.Paint * p.TaxedPricePerGallon(terms.PaintPriceList!), stain, sundries, budget.Material, laborWithoutAddOns + budget.Labor),
            };
            var material = paint + stainCost + sundry + materialAddOn; // row 272
            // BO276: the "Include Brick" column costs nothing once the brick is included in the house price.
            var cogs = terms.Name == "Include Brick" && estimate.IncludeUnpaintedBrick ? 0m : material + labor; // row 276
            var final = cogs / (1m - terms.GrossMargin) + budget.Buffer + addOnPrices; // row 277
            decimal list, discount;
            if (emerald is null || terms.Name is "Trim Only" or "Loxon Unpainted Brick" or "Include Brick")
            {
                list = final / (1m - discountRate); // BF278
                discount = list * discountRate; // BF279
            }
            else
            {
                // BG278:BM278: the paint products carry Emerald's discount in dollars on top of their own final price.
                discount = emerald.Discount;
                list = final + discount;
            }
            var priced = new ExteriorProductPrice(terms.Name, paint, stainCost, sundry, material, labor, cogs, terms.GrossMargin, final, list, discount);
            if (terms.Name == "Emerald") emerald = priced;
            products.Add(priced);
        }

        var chosen = products.FirstOrDefault(x => x.Name == estimate.NegotiatedProduct) ?? products[0];
        // Ext Measure G175:G178 and N174:N178: the base discount is Emerald's (N178 = BF279) whichever product is chosen;
        // the margin counts the whole house labor (BV274 = P158 + N161).
        var negotiation = NegotiationCalculator.Negotiate(chosen.ListPrice, products[0].Discount, estimate.AdditionalDiscount,
            chosen.Material + houseLabor + budget.Labor, book.Discounts.ExteriorMarginFloor, book.Discounts.ExteriorPromotionShare,
            book.Discounts.ExteriorNeighborhoodShare, book.Financing);

        // `Ext Measure`!F151 = BM226 + BM259: the body color's siding (the QUERY of BJ220:BK225) and misc square feet (AY219:AZ259
        // for "Body"), less a garage door that is not body (AX223).
        var bodySqFt = sidingAreaByKey.Where(k => ColorOfKey(k.Key) == "Body").Sum(k => k.Value) + misc.Where(m => m.Color == "Body").Sum(m => m.SqFt)
            - (colors.GarageDoor.Equals("Body", StringComparison.OrdinalIgnoreCase) ? 0m : GarageDoorArea(colors.GarageDoor, garageDoors, p));
        return new ExteriorQuote(products, gallons, crew, addOns, siding, trimAndFascia, PriceSideJobs(estimate.SideJobs ?? SideJobs.None, p), negotiation)
        {
            BodySqFt = bodySqFt,
        };
    }

    /// <summary>F177:F179: crew prep pay per square foot = hourly rate × minutes per square ÷ 60 ÷ 100 × the weight.</summary>
    private static decimal PrepRate(ExteriorPriceBook p, decimal weight) => p.PrepHourlyRate * (p.PrepMinutesPerSquare / 60m) / 100m * weight;

    /// <summary>W98: storm windows removed ($15 each), painted ($20) or both.</summary>
    private static decimal StormWindowPay(ExteriorPriceBook p, Elevation e) => e.StormWindowScope switch
    {
        StormWindowScope.RemoveAndPaint => e.StormWindows * (p.StormWindowRemovingPay + p.StormWindowPaintingPay),
        StormWindowScope.Remove => e.StormWindows * p.StormWindowRemovingPay,
        StormWindowScope.Painting => e.StormWindows * p.StormWindowPaintingPay,
        _ => 0m,
    };

    /// <summary>AZ223: garage doors × 64 sq ft in any color but body (Flat gets none: E249 only knows Body 2).</summary>
    private static decimal GarageDoorArea(string color, decimal garageDoors, ExteriorPriceBook p) =>
        color is "Trim" or "Accent" or "Stain" or "Trim 2" or "Accent 2" or "Body 2" ? garageDoors * p.GarageDoorSqFt : 0m;

    /// <summary>
    /// BN180:BS180: the color at the end of a "substrate color" key ("Board &amp; Bat Body 2" → "Body 2"), taking the
    /// last word, or the last two when the last is "2".
    /// </summary>
    public static string ColorOfKey(string key)
    {
        static string AfterFirstSpace(string text) => text.IndexOf(' ') is var i and >= 0 ? text[(i + 1)..] : "";
        var bn = AfterFirstSpace(key);
        var bo = AfterFirstSpace(bn);
        var bp = bo is "2" or "" ? bn : bo;
        var bq = bp is "2" or "" ? bo : bp;
        var br = AfterFirstSpace(bq);
        return br is "" or "2" ? bq : br;
    }

    private static SideJobPrices PriceSideJobs(SideJobs jobs, ExteriorPriceBook p)
    {
        var r = p.SideJobs;
        var c = p.Crew;
        var superdeck = p.TaxedPricePerGallon("Superdeck"); // F233
        var deckArea = jobs.Decks.Sum(d => d.LengthFeet * d.WidthFeet); // AU177
        var heavy = jobs.Decks.Where(d => d.StainType.Contains("Heavy", StringComparison.Ordinal)).Sum(d => d.LengthFeet * d.WidthFeet); // AS151
        var decks = deckArea == 0m ? 0m
            : (RoundUp(deckArea / r.DeckSqFtPerGallon) * superdeck + c.DeckLightPrepPerSqFt * (deckArea - heavy) + c.DeckHeavyPrepPerSqFt * heavy) / r.LaborShare; // AX177
        var railing = (RoundUp(jobs.DeckRailingFeet / r.RailingFeetPerGallon) * superdeck + c.DeckRailingPerFoot * jobs.DeckRailingFeet) / r.LaborShare; // AX179
        var undersideArea = jobs.DeckUndersideLengthFeet * jobs.DeckUndersideWidthFeet;
        var underside = (RoundUp(undersideArea / r.UndersideSqFtPerGallon) * superdeck + c.DeckUndersidePerSqFt * undersideArea) / r.LaborShare; // AX181
        var pergolaArea = jobs.PergolaLengthFeet * jobs.PergolaWidthFeet;
        var pergola = (RoundUp(pergolaArea / r.PergolaSqFtPerGallon) * superdeck + c.PergolaPerSqFt * pergolaArea) / r.LaborShare; // AX183
        var fence = (RoundUp(jobs.FenceLengthFeet / r.FenceFeetPerGallon) * superdeck + c.FencePerFoot * jobs.FenceLengthFeet) / r.LaborShare; // AX185
        var wallArea = jobs.PrivacyWallLengthFeet * jobs.PrivacyWallWidthFeet;
        var privacyWall = wallArea == 0m ? 0m : (c.PrivacyWallPerSqFt * wallArea + RoundUp(wallArea / r.PrivacyWallSqFtPerUnit) * r.PrivacyWallMaterialPerUnit) / r.LaborShare; // AX160
        var shedBody = jobs.Sheds.Sum(x => x.BodySqFt);
        var shedTrim = jobs.Sheds.Sum(x => x.TrimLinearFeet);
        var sheds = shedBody + shedTrim == 0m ? 0m
            : (shedBody * c.BodyPerSqFt + c.TrimPerFoot * shedTrim + RoundUp(shedBody / r.ShedBodySqFtPerUnit) * r.ShedMaterialPerUnit
               + RoundUp(shedTrim / r.ShedTrimFeetPerUnit) * r.ShedMaterialPerUnit) / r.LaborShare; // AX174
        return new SideJobPrices(decks, railing, underside, fence, pergola, privacyWall, sheds);
    }
}

