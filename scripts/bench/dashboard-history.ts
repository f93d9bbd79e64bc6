// A year of generated history for the dashboard benchmark, on top of the
// demo seed: organisations from the offer generator, `offerCount` generated offers
// tagged with their sectors, statements, questions, proposals, matches that
// move through their stages (with the audit entries real moves write), paid
// orders and refunds, all dated over the last 365 days. Deterministic.
import { DEFAULT_SEED, generateOffer, organisations as generatedOrganisations } from "./offer-generator.ts";
import { between, chance, mulberry32, pick } from "./random.ts";

const DAY = 86_400_000;
const BATCH = 2_000;

export async function generateHistory(databaseUrl: string, offerCount: number) {
  process.env.DATABASE_URL = databaseUrl;
  const { db } = await import("../../app/db.server.ts");
  const random = mulberry32(DEFAULT_SEED ^ 0xda5);
  const now = Date.now();
  const yearAgo = now - 365 * DAY;
  const inYear = () => new Date(yearAgo + Math.floor(random() * 365 * DAY));
  const after = (date: Date, maxDays: number) => new Date(Math.min(now, date.getTime() + random() * maxDays * DAY));
  const started = performance.now();

  // Every sector the generator uses must exist as a term.
  const sectorSlugs = new Set<string>();
  for (let i = 0; i < 2_000; i++) generateOffer(i).sector.forEach((s) => sectorSlugs.add(s));
  const existing = new Set(
    (await db.taxonomyTerm.findMany({ where: { kind: "SECTOR" }, select: { slug: true } })).map((t) => t.slug),
  );
  const missing = [...sectorSlugs].filter((slug) => !existing.has(slug));
  if (missing.length)
    await db.taxonomyTerm.createMany({
      data: missing.map((slug) => ({ kind: "SECTOR" as const, slug, nameVi: slug, nameEn: slug })),
    });
  const sectorIds = new Map((await db.taxonomyTerm.findMany({ where: { kind: "SECTOR" } })).map((t) => [t.slug, t.id]));

  const orgs = generatedOrganisations(DEFAULT_SEED).map((o) => {
    const createdAt = inYear();
    return {
      id: `bench-${o.id}`,
      name: o.name,
      kind: o.kind,
      createdAt,
      verifiedAt: chance(random, 0.6) ? after(createdAt, 30) : null,
    };
  });
  for (let i = 0; i < orgs.length; i += BATCH) await db.organisation.createMany({ data: orgs.slice(i, i + BATCH) });
  const agencies = orgs.filter((o) => o.kind === "AGENCY");
  const providers = orgs.filter((o) => o.kind === "PROVIDER" || o.kind === "RESEARCH");

  const offers: { id: string; organisationId: string; publishedAt: Date | null; title: string }[] = [];
  for (let start = 0; start < offerCount; start += BATCH) {
    const rows = [];
    const terms = [];
    for (let i = start; i < Math.min(offerCount, start + BATCH); i++) {
      const doc = generateOffer(i);
      const createdAt = inYear();
      const submittedAt = after(createdAt, 3);
      const publishedAt = doc.published ? after(submittedAt, 10) : null;
      const id = `bench-offer-${i}`;
      rows.push({
        id,
        organisationId: `bench-${doc.organisationId}`,
        slug: doc.slug,
        titleVi: doc.title,
        summaryVi: doc.summary,
        descriptionMd: doc.body,
        status: doc.published ? ("PUBLISHED" as const) : ("DRAFT" as const),
        createdAt,
        submittedAt: doc.published ? submittedAt : null,
        publishedAt,
      });
      for (const slug of doc.sector) terms.push({ offerId: id, termId: sectorIds.get(slug)! });
      offers.push({ id, organisationId: rows.at(-1)!.organisationId, publishedAt, title: doc.title });
    }
    await db.offer.createMany({ data: rows });
    await db.offerTerm.createMany({ data: terms });
  }
  const published = offers.filter((o) => o.publishedAt);

  const majorProblems = await db.majorProblem.findMany({ select: { id: true } });
  const statements = Array.from({ length: 3_000 }, (_, i) => {
    const submittedAt = inYear();
    const publishedAt = chance(random, 0.85) ? after(submittedAt, 7) : null;
    return {
      id: `bench-statement-${i}`,
      organisationId: pick(random, agencies).id,
      slug: `bai-toan-bench-${i}`,
      title: `Bài toán số ${i}`,
      status: publishedAt ? ("PUBLISHED" as const) : ("SUBMITTED" as const),
      context: "Bối cảnh.",
      responsiblePerson: "Ông A",
      scopeOfWork: "Phạm vi.",
      timeline: "Quý 2.",
      accountableUnit: "Phòng B",
      deliverable: "Sản phẩm.",
      successCriteria: "Tiêu chí.",
      decisionAuthority: "Giám đốc Sở",
      majorProblemId: chance(random, 0.5) ? pick(random, majorProblems).id : null,
      createdAt: submittedAt,
      submittedAt,
      publishedAt,
    };
  });
  await db.problemStatement.createMany({ data: statements });
  const open = statements.filter((s) => s.publishedAt);

  const questions = Array.from({ length: 6_000 }, (_, i) => {
    const statement = pick(random, open);
    const createdAt = after(statement.publishedAt!, 20);
    return {
      id: `bench-question-${i}`,
      problemStatementId: statement.id,
      askerOrganisationId: pick(random, providers).id,
      body: "Câu hỏi?",
      createdAt,
      answer: "Trả lời.",
      answeredAt: chance(random, 0.8) ? after(createdAt, 5) : null,
    };
  });
  for (let i = 0; i < questions.length; i += BATCH)
    await db.question.createMany({ data: questions.slice(i, i + BATCH) });

  const proposals = Array.from({ length: 8_000 }, (_, i) => {
    const statement = pick(random, open);
    const offer = pick(random, published);
    return {
      id: `bench-proposal-${i}`,
      organisationId: offer.organisationId,
      offerId: offer.id,
      problemStatementId: statement.id,
      pitch: "Đề xuất.",
      createdAt: after(new Date(Math.max(statement.publishedAt!.getTime(), offer.publishedAt!.getTime())), 30),
    };
  });
  for (let i = 0; i < proposals.length; i += BATCH)
    await db.proposal.createMany({ data: proposals.slice(i, i + BATCH) });

  // Matches: each statement gets a handful of suggestions; some move on.
  const matches = [];
  const moves = [];
  const seen = new Set<string>();
  for (let i = 0; i < 20_000; i++) {
    const statement = pick(random, open);
    const offer = pick(random, published);
    if (seen.has(`${statement.id}:${offer.id}`)) continue;
    seen.add(`${statement.id}:${offer.id}`);
    const id = `bench-match-${i}`;
    const createdAt = after(new Date(Math.max(statement.publishedAt!.getTime(), offer.publishedAt!.getTime())), 14);
    const match: Record<string, unknown> = {
      id,
      offerId: offer.id,
      problemStatementId: statement.id,
      createdAt,
      status: "SUGGESTED",
    };
    if (chance(random, 0.35)) {
      const shortlisted = after(createdAt, 7);
      moves.push({
        entityId: id,
        createdAt: shortlisted,
        before: '{"status":"SUGGESTED","rejectReason":null}',
        after: '{"status":"SHORTLISTED","rejectReason":null}',
      });
      Object.assign(match, { status: "SHORTLISTED", decidedAt: shortlisted });
      if (chance(random, 0.4)) {
        const approved = after(shortlisted, 10);
        moves.push({
          entityId: id,
          createdAt: approved,
          before: '{"status":"SHORTLISTED","rejectReason":null}',
          after: '{"status":"APPROVED","rejectReason":null}',
        });
        Object.assign(match, { status: "APPROVED", decidedAt: approved });
        let stageAt = approved;
        for (const [stage, field] of [
          ["INTRODUCED", "introducedAt"],
          ["PILOT", "pilotAt"],
          ["PROCUREMENT", "procurementAt"],
          ["DEPLOYED", "deployedAt"],
        ] as const) {
          if (!chance(random, 0.7)) break;
          stageAt = after(stageAt, 40);
          Object.assign(match, { stage, [field]: stageAt });
        }
      }
    }
    matches.push(match);
  }
  for (let i = 0; i < matches.length; i += BATCH)
    await db.match.createMany({ data: matches.slice(i, i + BATCH) as never });
  const audit = moves.map((m) => ({ ...m, action: "match.moved", entityType: "Match" }));
  for (let i = 0; i < audit.length; i += BATCH) await db.auditEntry.createMany({ data: audit.slice(i, i + BATCH) });

  const orders = Array.from({ length: 5_000 }, (_, i) => {
    const offer = pick(random, published);
    const amount = BigInt(between(random, 1, 500) * 100_000);
    const paidAt = after(offer.publishedAt!, 60);
    return {
      id: `bench-order-${i}`,
      buyerOrganisationId: pick(random, agencies).id,
      providerOrganisationId: offer.organisationId,
      offerId: offer.id,
      offerTitle: offer.title,
      packageName: "Gói cơ bản",
      packageUnit: "tháng",
      unitPriceVnd: amount,
      amountVnd: amount,
      amountPaidVnd: amount,
      status: "PAID" as const,
      paidAt,
      createdAt: paidAt,
    };
  });
  for (let i = 0; i < orders.length; i += BATCH) await db.order.createMany({ data: orders.slice(i, i + BATCH) });
  const refunds = orders
    .filter(() => chance(random, 0.06))
    .map((o, i) => ({
      id: `bench-refund-${i}`,
      orderId: o.id,
      amountVnd: o.amountPaidVnd / 2n,
      reason: "Hoàn một phần",
      status: "SUCCEEDED" as const,
      createdAt: after(o.paidAt, 20),
      completedAt: after(o.paidAt, 21),
    }));
  await db.refund.createMany({ data: refunds });

  await db.$disconnect();
  return {
    seconds: ((performance.now() - started) / 1000).toFixed(0),
    counts: {
      organisations: orgs.length,
      offers: offers.length,
      statements: statements.length,
      questions: questions.length,
      proposals: proposals.length,
      matches: matches.length,
      moves: moves.length,
      orders: orders.length,
      refunds: refunds.length,
    },
  };
}
