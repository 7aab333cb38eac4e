#!/usr/bin/env python3
"""Writes the PHI guard's labelled corpus (issue 26, item 3): corpus.tsv (two thirds, for
building the detector) and heldout.tsv (one third, kept aside until the detector was done).

Every line: label (phi | ok), category, text ("\\n" for a line break). The names, numbers and
dates are invented; identifiers follow the shapes 45 CFR 164.514(b)(2) lists (names with dates
of birth, medical record, health plan and account numbers, SSNs, full dates tied to a person,
health conditions next to a person). Run once; the output is committed, the seed fixed."""
import random

rng = random.Random(26)
FIRST = ["Maria", "James", "Aisha", "Tomasz", "Li", "Grace", "Daniel", "Priya", "Kofi", "Elena",
         "Robert", "Sofia", "Hiroshi", "Fatima", "Liam", "Noah", "Chloe", "Mateo", "Ingrid", "Omar",
         "Dana", "Viktor", "Beatriz", "Samuel", "Yara", "Patrick", "Mei", "Ahmed", "Hannah", "Luis"]
LAST = ["Alvarez", "Chen", "Okafor", "Nowak", "Whitfield", "Haddad", "Kowalski", "Raman", "Mensah",
        "Petrova", "Lindqvist", "O'Brien", "Nakamura", "Dubois", "García", "Schmidt", "Abara",
        "MacLeod", "Rossi", "Yilmaz", "Fischer", "Moreau", "Tanaka", "Johansson", "Adeyemi"]
VENDORS = ["Northwind Labs", "Bluefin Analytics", "Cedar Health IT", "Meridian Billing",
           "Oakridge Cloud", "Lumen Transcription", "Harbor Imaging Systems", "Pinecrest Pharmacy Services",
           "Atlas Courier", "Diabetes Care Partners", "Oncology Data Exchange", "Summit Dialysis Software",
           "Crescent Behavioral Health Network", "Apex Claims Processing", "Granite Backup Co."]
CONDITIONS = ["type 2 diabetes", "HIV", "stage 3 breast cancer", "major depressive disorder",
              "schizophrenia", "hepatitis C", "COPD", "congestive heart failure", "opioid use disorder",
              "bipolar disorder", "epilepsy", "chronic kidney disease", "pregnancy complications",
              "Alzheimer's disease", "an anxiety disorder", "multiple sclerosis", "lupus",
              "a positive COVID-19 test", "alcohol dependence", "Crohn's disease"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def name():
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def birth_date():
    y, m, d = rng.randint(1931, 2015), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice([f"{m:02d}/{d:02d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{MONTHS[m-1]} {d}, {y}",
                       f"{d} {MON[m-1]} {y}", f"{m}/{d}/{y}", f"{d}.{m:02d}.{y}"])


def near_date():
    y, m, d = 2026, rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice([f"{m:02d}/{d:02d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{MONTHS[m-1]} {d}, {y}",
                       f"{d} {MON[m-1]} {y}", f"{m}/{d}/{y}", f"{MONTHS[m-1]} {d}"])


def human_day():
    return f"{rng.randint(1, 28)} {MON[rng.randint(0, 11)]} 2026"


def digits(n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def ssn():
    return rng.choice([f"{digits(3)}-{digits(2)}-{digits(4)}", f"{digits(3)} {digits(2)} {digits(4)}",
                       digits(9)])


def mrn():
    return rng.choice([digits(8), "MRN" + digits(7), f"A-{digits(7)}", f"{digits(3)}-{digits(3)}-{digits(3)}",
                       f"H{digits(6)}"])


def member_id():
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    return rng.choice(["".join(rng.choice(letters) for _ in range(3)) + digits(9),
                       f"{digits(1)}{rng.choice(letters)}{rng.choice(letters)}{digits(1)}-"
                       f"{rng.choice(letters)}{rng.choice(letters)}{digits(1)}-{rng.choice(letters)}{rng.choice(letters)}{digits(2)}",
                       f"W{digits(9)}", f"{digits(3)}-{digits(4)}-{digits(2)}"])


def ref(prefix):
    alphabet = "0123456789abcdefghjkmnpqrstvwxyz"
    return prefix + "_" + "".join(rng.choice(alphabet) for _ in range(26))


rows = []


def add(label, category, text):
    rows.append((label, category, text))


# ---- PHI: what 45 CFR 164.514(b)(2) names, in the shapes people write it.
for _ in range(26):
    n, dob = name(), birth_date()
    add("phi", "name_dob", rng.choice([
        f"Patient {n}, DOB {dob}, needs a follow-up call.",
        f"Re: {n} (DOB: {dob}) - lab results are back",
        f"{n}, date of birth {dob}, missed the appointment today.",
        f"Please verify insurance for {n}, born {dob}.",
        f"Name: {n}\nD.O.B.: {dob}\nReason for visit: follow-up",
        f"Can you pull the chart for {n}? Birthdate {dob}.",
        f"{n} dob {dob} called about a refill",
        f"Intake form received for {n} (date of birth: {dob}).",
    ]))
for _ in range(22):
    n, m = name(), mrn()
    add("phi", "mrn", rng.choice([
        f"MRN {m} - please review before Monday.",
        f"Medical record number {m} for {n} was merged by mistake.",
        f"{n} (MRN: {m}) is scheduled for imaging.",
        f"Chart #{m} has a duplicate entry; patient {n}.",
        f"Please correct the allergy list in medical record {m}.",
        f"Subject: MRN#{m} discharge summary\nAttached as discussed.",
        f"Med rec no. {m} belongs to {n}, not the other file.",
        f"Patient ID {m}: results flagged abnormal.",
    ]))
for _ in range(20):
    n, mid = name(), member_id()
    add("phi", "health_plan", rng.choice([
        f"Member ID {mid} for {n} was denied by the plan.",
        f"{n}'s health plan number is {mid}; resubmit the claim.",
        f"Medicare beneficiary identifier {mid} - eligibility check failed.",
        f"Subscriber ID: {mid}\nName: {n}\nPlease update the payer record.",
        f"Insurance policy number {mid} ({n}) expired last month.",
        f"Health plan beneficiary number {mid} needs prior authorisation.",
        f"Medicaid ID {mid} for {n} - coverage confirmed.",
    ]))
for _ in range(14):
    n, acct = name(), rng.choice([digits(10), f"{digits(4)}-{digits(4)}-{digits(2)}", "ACCT-" + digits(8)])
    add("phi", "account", rng.choice([
        f"Patient account number {acct} ({n}) has an outstanding balance.",
        f"{n} disputes the charge on account #{acct} for her MRI.",
        f"Billing account {acct}: {n}'s co-pay was refunded.",
        f"Guarantor account no. {acct} for {n} - statement returned.",
        f"Account number {acct} belongs to patient {n}; the statement went to the wrong address.",
    ]))
for _ in range(20):
    n, s = name(), ssn()
    add("phi", "ssn", rng.choice([
        f"SSN {s} for {n} - please update the file.",
        f"{n}, social security number {s}, needs a new enrollment form.",
        f"Her SSN is {s}.",
        f"Social Security No.: {s}\nName: {n}",
        f"Can you confirm {n}'s social {s}?",
        f"ssn: {s} dob: {birth_date()}",
        f"Employee {n} SSN {s} for the benefits file.",
    ]))
for _ in range(24):
    n, d = name(), near_date()
    title = rng.choice(["Mr.", "Mrs.", "Ms."]) + " " + rng.choice(LAST)
    add("phi", "date_person", rng.choice([
        f"{title} was admitted on {d} and discharged two days later.",
        f"Patient {n} - date of service {d}.",
        f"{n} had surgery on {d}; post-op visit next week.",
        f"Discharge date for {n}: {d}.",
        f"{title}'s appointment with cardiology is on {d}.",
        f"{n} was seen in the ER on {d} for chest pain.",
        f"Admission {d}: {n}, room 412.",
        f"Patient {n} died on {d}; notify the family liaison.",
        f"{n}'s colonoscopy is booked for {d}.",
    ]))
for _ in range(34):
    n, c = name(), rng.choice(CONDITIONS)
    first = n.split()[0]
    add("phi", "condition_person", rng.choice([
        f"{n} was diagnosed with {c}.",
        f"{n} has {c} and needs a medication review.",
        f"FYI {n} tested positive for {c.replace('a positive ', '')} last week.",
        f"Patient {n}: {c}, stable.",
        f"{first} {rng.choice(LAST)} is being treated for {c} at our clinic.",
        f"Please call {n} about their {c} treatment plan.",
        f"{n} (history of {c}) asked for a second opinion.",
        f"Mr. {rng.choice(LAST)} has {c}; keep him on the current dose.",
        f"Our patient {first} was started on therapy for {c}.",
        f"{n} - dx: {c}",
        f"{n} is pregnant and due in {rng.choice(MONTHS)}.",
    ]))
# Hand-written shapes that the templates above do not produce.
for text in [
    "Jane Roe 04/11/1979 HIV+ - please call back",
    "Re: your mother Anna Kowalski, chemo cycle 3 starts on 2026-12-04",
    "Lab: Omar Haddad, HbA1c 9.1, diabetic, DOB 1960-02-17",
    "Hi, this is about Kofi Mensah's psychiatric admission on Nov 2, 2026.",
    "Prescription for Elena Petrova: sertraline 50 mg for depression.",
    "The insurer rejected claim 88123 for Daniel Nowak (member 4471229910).",
    "Sofia Rossi's biopsy came back malignant.",
    "Results for patient Liam Fischer: HIV viral load undetectable.",
    "Mei Tanaka was admitted for an overdose on 11/30/2026.",
    "Her medical record number is 00734418 and her birthday is 6/2/1988.",
    "Patient: Ahmed Yilmaz  SSN: 512-44-9021  Plan: BlueCross W448812013",
    "Reminder: Hannah Moreau's dialysis session is on December 9, 2026.",
    "Luis García has schizophrenia and missed his depot injection.",
    "Please fax the records of Grace Dubois (DOB 9/9/1950) to the specialist.",
    "Beatriz Abara, 34, G2P1, prenatal visit 12/12/2026.",
    "Samuel Johansson's HIV test is positive; schedule counselling.",
]:
    add("phi", "handwritten", text)

# ---- Not PHI: what a compliance tool sends every day.
for _ in range(30):
    add("ok", "accord_reminder", rng.choice([
        f"Due in {rng.randint(1, 30)} days ({human_day()}): Annual security review of {rng.choice(VENDORS)}\n"
        f"Annual security review of {rng.choice(VENDORS)}\nVendor security review\nStatus: open\nDue: {human_day()}\nReference: {ref('rev')}",
        f"Overdue by {rng.randint(1, 40)} days (due {human_day()}): SOC 2 report review for {rng.choice(VENDORS)}\n"
        f"SOC 2 report review\nStatus: in_progress\nDue: {human_day()}\nReference: {ref('rev')}",
        f"Due today ({human_day()}): BAA renewal check for {rng.choice(VENDORS)}\nStatus: open\nDue: {human_day()}\nReference: {ref('rev')}",
    ]))
for _ in range(14):
    sev = rng.choice(["low", "medium", "high", "critical"])
    title = rng.choice(["BAA missing for", "SOC 2 report expired for", "Access outlasts agreement at",
                        "Encryption at rest not evidenced by", "Penetration test overdue at"]) + " " + rng.choice(VENDORS)
    add("ok", "accord_finding", f"New finding ({sev} severity): {title}\n{title}\n{sev.capitalize()} severity\n"
        f"Due by {human_day()}\nReference: {ref('fnd')}")
for _ in range(10):
    sev = rng.choice(["low", "medium", "high"])
    title = rng.choice(["Break-glass session opened by", "Ten failed sign-ins for", "Role changed for",
                        "Recovery codes used by"]) + " " + name()
    add("ok", "accord_alert", f"[{sev}] {title}\n{title}\nSeverity: {sev}\nReference: {ref('alr')}")
for _ in range(12):
    n = name()
    items = "".join(f"  {rng.choice(['Review', 'Finding', 'Grant request'])}: {rng.choice(VENDORS)} "
                    f"({rng.choice(VENDORS)}), due {human_day()}\n" for _ in range(rng.randint(1, 4)))
    add("ok", "accord_digest", f"Your work in Accord: {rng.randint(1, 9)} things wait for you\nHello {n},\n\n"
        f"{rng.randint(1, 9)} things wait for you in Accord.\n\nReviews to do (2)\n{items}\n"
        f"Open My work: https://accord.example.org/app/\n\nYou get this email on each day something waits "
        f"for you. To stop it, turn off the daily email on the My work page.")
for _ in range(8):
    tok = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") for _ in range(43))
    add("ok", "accord_nda", "Your request: please accept our NDA first\nHello,\n\nBefore we share our SOC 2 Type II "
        f"report, please read and accept our non-disclosure agreement here:\n\nhttps://trust.example.org/nda/{tok}\n\n"
        f"The link is personal and works until 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}. Once it is accepted, "
        "our security team reviews your request.\n\nQuestions: security@example.org\n")
for _ in range(8):
    tok = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") for _ in range(43))
    add("ok", "accord_download", "Your requested report is ready\nHello,\n\nYour request for our HIPAA assessment "
        f"was approved. Download it here (the page has a Download button):\n\nhttps://trust.example.org/downloads/{tok}\n\n"
        f"The link is personal: it works until {human_day()} for {rng.randint(1, 5)} downloads, and every download is "
        "recorded. The report stays under the NDA you accepted.\n")
for _ in range(6):
    add("ok", "accord_request", rng.choice([
        "We received your request\nHello,\n\nWe received your request for our SOC 2 Type II report. We will email "
        "you at this address about the next step.\n\nQuestions: security@example.org\n",
        "Your request was declined\nHello,\n\nWe are sorry: we cannot share our penetration test summary in answer "
        "to this request.\n",
        f"Audit-report request waiting for a decision\n{rng.choice(FIRST).lower()}@{rng.choice(['acme', 'globex', 'initech'])}.com "
        f"({rng.choice(VENDORS)}, linked by party) asks for our SOC 2 Type II report. The NDA is in place; approve or "
        f"reject it.\n\nThe request is in Accord under audit-report requests (reference {ref('rrq')}).",
    ]))
for _ in range(6):
    add("ok", "accord_subscription", rng.choice([
        "Your subprocessor-list subscription\nSomeone (we hope you) asked to be emailed when our subprocessor list "
        "changes.\n\nConfirm here (the page has a Confirm button):\n\nhttps://trust.example.org/trust/subscriptions/abc",
        f"Changes to our subprocessor list\nChanges to our subprocessor list:\n\n+ {rng.choice(VENDORS)} (added "
        f"{human_day()})\n- {rng.choice(VENDORS)} (ended {human_day()})\n\nThe list: https://trust.example.org/trust",
    ]))
for _ in range(30):
    n, v, d = name(), rng.choice(VENDORS), near_date()
    add("ok", "staff_reminder", rng.choice([
        f"Hi {n}, the BAA review for {v} is due on {d}.",
        f"{n} will run the access review for {v} on {d}.",
        f"Reminder: {n} is on call from {d} for the {v} incident rota.",
        f"Meeting with {n} from {v} on {d} at 10:00 to go over the SOC 2 bridge letter.",
        f"{n} approved the grant for {v} on {d}.",
        f"Please send {n} the signed DPA before {d}.",
        f"Training due: {n} must finish HIPAA privacy training by {d}.",
        f"{n} (Security Officer) signed off the risk assessment on {d}.",
        f"Out of office: {n}, back on {d}. Contact the Privacy Officer meanwhile.",
        f"New hire {n} starts on {d}; please create accounts.",
    ]))
TRICKY = [
    "Reminder: never send SSNs, dates of birth or medical record numbers by email. Use Secure Message.",
    "The EHR integration maps the MRN field to patient_id; see the spec.",
    "Diabetes Care Partners sent their SOC 2 Type II report; review it by Friday.",
    "The Oncology Data Exchange BAA expires on 2027-01-31.",
    "Our HIV prevention program vendor needs a security questionnaire.",
    "Crescent Behavioral Health Network asked for our penetration test summary.",
    "Ticket INC-2026-0412: the backup job for Granite Backup Co. failed twice.",
    "Invoice 2026-1187 from Meridian Billing is approved for payment.",
    "Call the Northwind Labs support line at 555-201-3344 about the outage.",
    "Version 4.12.2026 of the mobile app is rolling out.",
    "Happy birthday to Dana from the whole security team! Cake at 3 pm.",
    "The depression screening tool vendor completed its risk assessment.",
    "Patient portal maintenance window: Saturday 02:00-04:00 UTC.",
    "Cancer research grant application deadline is 15 March 2026 (finance team).",
    "Please review the policy on handling health plan beneficiary numbers.",
    "Account review: 14 accounts have not signed in for 90 days.",
    "Your Accord account was created. Sign in at https://accord.example.org/app/",
    "The medical records vendor passed its annual review.",
    "Q3 metrics: 98.7% of patients rated the telehealth app 4 stars or more.",
    "HIPAA 164.514(b)(2) lists 18 identifiers; our training covers all of them.",
    "Our DPO Maria Alvarez is out until 2026-12-14; Kofi Mensah covers.",
    "Flu shots for staff are available in the cafeteria on 12/10/2026.",
    "Order #4471-2290 for 20 laptops has shipped.",
    "Build 20261207.3 passed all tests.",
    "The COVID-19 testing lab subcontractor signed the BAA on 2026-11-03.",
    "Pregnancy care app vendor onboarding: questionnaire sent.",
    "Please rotate the API key for Apex Claims Processing before 1 Jan 2027.",
    "Account number format for the billing vendor changes next quarter (see the runbook).",
    "Dr. Robert Chen joins the privacy committee on January 5, 2027.",
    "Member of the month: Priya Raman for closing 40 findings.",
    "The MRN search page is slow; engineering is looking into it.",
    "The date of birth field is now masked in the admin console.",
    "Summit Dialysis Software asked to extend the access grant by 30 days.",
    "Social engineering exercise results are in: 4% clicked the test link.",
    "Bluefin Analytics' SOC 2 report covers 1 Oct 2025 to 30 Sep 2026.",
    "Security awareness: report phishing to security@example.org.",
    "Liam Fischer completed the tabletop exercise on 11/18/2026.",
    "Disk usage on db-02 reached 81% at 2026-12-06T22:10Z.",
    "The SLA report for November is attached: 99.95% uptime.",
    "A new version of the Luma policy profile was recorded.",
    "Chen, please confirm the Harbor Imaging Systems contract renewal date (2027-03-01).",
    "Schizophrenia research partner data-use agreement: legal review pending.",
    "The subprocessor Lumen Transcription will be replaced on 1 Feb 2027.",
    "Employee ID 4471 badge access was revoked after offboarding.",
    "Your verification code is 482913. It expires in 10 minutes.",
    "Phone: +1 415 555 0199 (Northwind Labs security desk)",
    "Case 2026-118 closed: the vendor fixed the TLS configuration.",
    "Drill: fire evacuation on Dec 15, 2026 at 11:00.",
    "Our Alzheimer's care partner program renews its contract in March.",
    "Pinecrest Pharmacy Services: access grant approved until 2027-06-30.",
]
for t in TRICKY:
    add("ok", "tricky", t)

rng.shuffle(rows)
held = rows[::3]
dev = [r for i, r in enumerate(rows) if i % 3 != 0]
header = "# label\tcategory\ttext (\\n: a line break). Generated by make_corpus.py; invented data.\n"
for path, part in [("corpus.tsv", dev), ("heldout.tsv", held)]:
    with open(path, "w", encoding="utf-8") as f:
        f.write(header)
        for label, cat, text in part:
            f.write(f"{label}\t{cat}\t{text.replace(chr(10), chr(92) + 'n')}\n")
print(len(rows), "messages:", sum(r[0] == "phi" for r in rows), "phi,", len(dev), "dev,", len(held), "held out")
