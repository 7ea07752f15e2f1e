"""The starter pages, written in our own words from the facts in ../shared/seeds.

Each entry: path (its parent must come earlier), title, summary, body (Markdown; ``!!!`` starts a
call-out box), and optionally show_in_menus, sort_order, show_exit_button, related_links
("Title | https://address" per line).
"""

PAGES = [
    {
        "path": "/contest/",
        "title": "CONTEST: how we counter terrorism",
        "summary": (
            "CONTEST is the UK government's counter-terrorism strategy. Find out how we use "
            "its four strands, Prevent, Pursue, Protect and Prepare, to keep people in the "
            "West Midlands safe."
        ),
        "body": """
CONTEST is the UK government's strategy for countering terrorism. West Midlands Police runs an
operation with the same name. It brings together all of the force's counter-terrorism work in
the region.

## What our approach covers

Our work has several parts that support each other. We:

- stop terrorist attacks before they happen
- identify the people responsible and bring them before the courts
- train partners and share information, so that attacks are less likely to happen at all
- work closely with communities, so that violent extremists cannot recruit people who are
  vulnerable

## The four strands

Like the national strategy, we organise our work under four strands.

### Prevent

Prevent aims to stop people from becoming terrorists or supporting terrorism. It is long-term
work that depends on strong relationships with communities and with the organisations they rely
on. [Read about Prevent](/contest/prevent/).

### Pursue

Pursue aims to stop attacks. We build up our understanding of terrorist networks, track down
the people involved, disrupt what they are doing and bring them to justice.
[Read about Pursue](/contest/pursue/).

### Protect

Protect aims to make the West Midlands a harder target for terrorists. We advise local agencies
and businesses on how to protect themselves and the public.
[Read about Protect](/contest/protect/).

### Prepare

Prepare aims to reduce the impact of an attack if one happens. We plan for the consequences and
practise our response with partner agencies. [Read about Prepare](/contest/prepare/).

## How you can help

Communities defeat terrorism. If you see or hear something that does not feel right, tell us.
[Find out how to report it](/how-you-can-help/).

!!! If there is an immediate threat to life, call [999](tel:999). To report possible terrorist
activity, call the Anti-Terrorist Hotline on [0800 789 321](tel:+44800789321).
""",
        "related_links": """
Counter-terrorism strategy (CONTEST) 2023 | https://www.gov.uk/government/publications/counter-terrorism-strategy-contest-2023
Threat levels | https://www.mi5.gov.uk/threat-levels
""",
        "show_in_menus": True,
        "menu_title": "CONTEST",
        "sort_order": 10,
    },
    {
        "path": "/contest/prevent/",
        "title": "Prevent",
        "summary": (
            "Prevent aims to stop people from being drawn into terrorism. Find out what it "
            "does, how families and friends can get help early, and how professionals can "
            "make a referral."
        ),
        "body": """
!!! If someone is in immediate danger, call [999](tel:999).

Prevent is the part of CONTEST that aims to stop people from becoming terrorists or supporting
terrorism. It is a form of safeguarding. Like other safeguarding work, it protects people who
may be vulnerable from being exploited, in this case by extremists.

Prevent is long-term work. It depends on building relationships with every part of the
community and strong links with key organisations. It offers reassurance to people who feel
vulnerable. It can also help to tackle the causes of terrorism and reduce support for
terrorists.

## What Prevent aims to do

Nationally and here in the West Midlands, Prevent aims to:

- respond to the ideas behind terrorism, and to the threat from the people who promote them
- stop people from being drawn into terrorism, and make sure they get the advice and support
  they need
- work with sectors where there is a risk of radicalisation, including education, health,
  faith, charities, criminal justice and the internet

## Our Prevent officers

Our Counter Terrorism Unit has its own Prevent department. Its job is to build strong
partnerships and keep them working well.

Our Prevent officers are uniformed counter-terrorism officers. They work in neighbourhoods
across the region to promote Prevent. They work with:

- schools and colleges
- places of worship
- prisons
- community centres
- youth clubs and sports clubs
- women's groups

Everyone in the community is welcome to take part. Working together is how we defeat violent
extremism.

## How Prevent works: identify, safeguard and manage risk

Nationally, Prevent's work is organised under three pillars.

### Identify

We find people who may be at risk of being drawn into terrorism, and people who may be trying
to radicalise others. We cannot do this alone. We work with communities, local police,
counter-terrorism police, the public sector, businesses and charities. The earlier someone at
risk is noticed, the earlier they can be helped.

### Safeguard

When someone is vulnerable to radicalisation, we work with partners to protect them and steer
them away from harm. People can be vulnerable for many different reasons, and mental ill health
can be one of them. Support can include help from specialists, such as mental health
professionals. Where someone needs more help, their case may go to a Channel panel, where
partner agencies agree how to support them.

### Manage risk

We work with partners to assess, manage and disrupt people who pose a terrorism or extremism
risk. This includes people who try to radicalise others who are vulnerable, whether in person
or online.

## Worried about someone close to you? Act early

If you are worried that someone you care about is being radicalised, act early and ask for
help. The sooner you tell someone, the sooner the person can be protected from extremists who
want to exploit them.

Family and friends are often the first to notice that something is wrong. Trust your instincts.
Think about:

- whether their behaviour has changed suddenly, what has changed and whether it could be
  significant
- whether they are spending time with new people, in person or online, who worry you
- anything they have said or done that does not feel right to you

You do not need to be certain. You can share your concerns in confidence:

- call the Act Early support line on [0800 011 3764](tel:+448000113764)
- visit the [Act Early website](https://actearly.uk/) for advice on how to help

[Read our advice for families and friends](/contest/prevent/act-early/).

## If you are a professional: making a referral

Prevent is delivered in partnership. Local authorities, schools, health services, charities and
community groups all play a part, alongside the police.

If you work for one of these organisations and you are worried that someone could be at risk of
radicalisation, you can refer them to Prevent.
[Make a Prevent referral online](/contact/prevent-referral/): it takes about 10 minutes, and
only our Prevent team can read what you send. You can also talk to your organisation's
safeguarding lead first.

## If you have information about terrorism

If you think someone is planning an attack, or you have information about possible terrorist
activity, call the Anti-Terrorist Hotline on [0800 789 321](tel:+44800789321). If there is an
immediate threat to life, call [999](tel:999).
""",
        "related_links": """
Act Early: worried someone is being radicalised? | https://actearly.uk/
Prevent duty guidance | https://www.gov.uk/government/publications/prevent-duty-guidance
Contact us | /contact/
""",
        "show_exit_button": True,
        "sort_order": 10,
    },
    {
        "path": "/contest/prevent/act-early/",
        "title": "Worried about someone close to you",
        "summary": (
            "If you are worried that a family member or friend is being drawn into extremism,"
            " act early. Find out what to look out for, what to do and where to get advice in"
            " confidence."
        ),
        "body": """
!!! If someone is in immediate danger, call [999](tel:999).

If you are worried that someone close to you is being radicalised, you do not have to deal with
it on your own. Act early and ask for help. The sooner you reach out, the sooner the person you
care about can be protected from extremists who want to exploit them.

## Why your concern matters

You know your family and friends better than anyone. You are often the first to notice when
something about them has changed.

There are often several reasons why someone becomes vulnerable to radicalisation, and they can
be complicated. Violent extremists try to recruit people who are vulnerable.

Prevent treats this as a safeguarding matter. Its aim is to protect the person and steer them
away from harm, working with partners such as local councils, schools, health services and
community groups.

## What to look out for

Trust your instincts. Ask yourself:

- Has their behaviour changed suddenly? What has changed, and could it be significant?
- Are they spending time with new people, in person or online, who worry you?
- Have they said or done anything that does not feel right to you?

A change on its own may have an innocent explanation. You do not need to be sure before you ask
for advice. Tell someone what worries you and let people with the right training decide what it
means.

## What to do

1. If someone is in immediate danger, call [999](tel:999).
2. Call the Act Early support line on [0800 011 3764](tel:+448000113764) to talk through your
   concerns in confidence.
3. Visit the [Act Early website](https://actearly.uk/) for advice on how to help someone close
   to you.

If you think someone is planning an attack, or you have information about possible terrorist
activity, call the Anti-Terrorist Hotline on [0800 789 321](tel:+44800789321). You can also
[report it online](https://act.campaign.gov.uk/).

## What happens next

What you tell us is treated in confidence. If the person needs support, Prevent works with
partners to decide what help is right for them.
[Read more about how Prevent works](/contest/prevent/).

If you would rather talk to someone other than the police first, see
[other ways to contact us](/contact/).
""",
        "related_links": """
Act Early | https://actearly.uk/
Report suspicious activity online | https://act.campaign.gov.uk/
Prevent | /contest/prevent/
""",
        "show_exit_button": True,
        "sort_order": 10,
    },
    {
        "path": "/contest/pursue/",
        "title": "Pursue",
        "summary": (
            "Pursue is about stopping terrorist attacks. We investigate terrorist networks, "
            "disrupt their plans and bring the people involved, and those who support them, "
            "to justice."
        ),
        "body": """
Pursue is the part of CONTEST that aims to stop terrorist attacks. To do this, we:

- build up our understanding of how terrorist networks operate
- track down terrorists and the people who back them
- disrupt what they are doing
- gather the evidence needed to bring them to justice

## The teams involved

Pursue draws on many of our specialist teams, including:

- counter-terrorism investigators
- financial investigators
- hi-tech investigators
- forensic specialists
- surveillance officers
- analysts
- ports officers at Birmingham Airport

Most of our investigations take place in the West Midlands Police area. As part of the national
counter-terrorism policing network, we can also be given responsibility for investigations
anywhere in the country.

## Cases we have led

Our investigations have led to convictions for serious terrorism offences. For example:

- Operation Pitsford: 11 men from Birmingham either pleaded guilty or were convicted of
  terrorism offences, and were sentenced in 2013. Three of them were given long sentences for
  plotting a bombing campaign in the UK.
- Operation Gamble: a plot to kidnap and murder a British Muslim soldier. Five men were
  convicted in 2008.
- Operation Alva: six men pleaded guilty to plotting an attack on an English Defence League
  rally in Dewsbury in 2012.

[Read about our operations](/operations/).

## How you can help

Information from the public helps us to stop attacks. Even a small detail can be important,
because it may fit with other information we already have.

If there is an immediate threat to life, call [999](tel:999). To report possible terrorist
activity, call the Anti-Terrorist Hotline on [0800 789 321](tel:+44800789321) or
[report it online](https://act.campaign.gov.uk/).
[Find out more about reporting](/how-you-can-help/).
""",
        "related_links": """
Our operations | /operations/
Report suspicious activity online | https://act.campaign.gov.uk/
""",
        "sort_order": 20,
    },
    {
        "path": "/contest/protect/",
        "title": "Protect",
        "summary": (
            "Protect is about making the West Midlands a harder target for terrorists. We "
            "advise local agencies and businesses on how to protect their premises, their "
            "staff and the public."
        ),
        "body": """
Protect is the part of CONTEST that aims to make the West Midlands a harder target for
terrorists. The harder a place is to attack, the less likely it is that an attack will succeed.

We work with local agencies and businesses. We advise them on security and help them to develop
their own plans to counter terrorism.

## Counter-terrorism security advisers

Our counter-terrorism security advisers (CTSAs) give protective security advice to businesses,
organisations and places that could be at risk from terrorism. Their aim is to make those
places less vulnerable to attack. CTSAs work closely with other police forces, government
departments and other agencies.
[Find out how CTSAs can help](/advice-for-businesses/training-and-security-advisers/).

## Advice for businesses

If you run a business or a venue, there is a lot you can do. You can:

- train your staff to
  [spot and deter hostile reconnaissance](/advice-for-businesses/hostile-reconnaissance/), the
  information gathering that comes before an attack
- learn what
  [suspicious items and behaviour](/advice-for-businesses/suspicious-items-and-behaviour/) look
  like and how to report them
- make sure your staff know what to do in an attack:
  [Run, Hide, Tell](/advice-for-businesses/staying-safe-in-an-attack/)

[Read all our advice for businesses](/advice-for-businesses/).

## Martyn's Law

The Terrorism (Protection of Premises) Act 2025, known as Martyn's Law, will require some
public premises to be prepared for a terrorist attack.
[Find out what Martyn's Law means for you](/advice-for-businesses/martyns-law/).

## Everyone can help

You do not need to run a business to help protect the West Midlands. If you see something that
does not feel right, report it. If there is an immediate threat to life, call [999](tel:999).
Otherwise, call the Anti-Terrorist Hotline on [0800 789 321](tel:+44800789321).
""",
        "related_links": """
ProtectUK | https://www.protectuk.police.uk/
National Protective Security Authority (NPSA) | https://www.npsa.gov.uk/
Advice for businesses | /advice-for-businesses/
""",
        "sort_order": 30,
    },
    {
        "path": "/contest/prepare/",
        "title": "Prepare",
        "summary": (
            "Prepare is about reducing the impact of a terrorist attack. We plan for the "
            "consequences, practise our response with partners and explain what you can do in"
            " an emergency."
        ),
        "body": """
Prepare is the part of CONTEST that aims to reduce the impact of a terrorist attack if one
happens.

We keep assessing what the consequences of an attack could be. We use what we learn to make the
force more resilient, so that it can cope with an attack and with other major emergencies that
cause serious disruption.

## Working with partners

We cannot prepare alone. We work closely with other agencies so that everyone knows their role
if the worst happens.

We regularly hold training exercises with our partners. Some are small. Others are large-scale
and test how we would respond together to a major incident.

## What you can do in an emergency

### If you are caught up in an attack

Remember Run, Hide, Tell:

1. Run to a place of safety, if there is a safe way to get there.
2. Hide if you cannot run.
3. Tell the police by calling [999](tel:999) when it is safe to do so.

[Read the full Run, Hide, Tell advice](/advice-for-businesses/staying-safe-in-an-attack/).

### Know the threat level

The UK's national threat level shows how likely a terrorist attack is. There are five levels:

- Low: an attack is highly unlikely
- Moderate: an attack is possible but not likely
- Substantial: an attack is likely
- Severe: an attack is highly likely
- Critical: an attack is highly likely in the near future

You can
[check the current threat level on the MI5 website](https://www.mi5.gov.uk/threat-levels).
Whatever the level, stay alert and report anything that does not feel right.

### Follow official information

If there is a major incident in the West Midlands, we can show an alert at the top of every
page of this website. Follow advice from the police and the emergency services.

### If you run a business

Have a plan for what your staff would do in an attack, and practise it.
[Find out about Martyn's Law](/advice-for-businesses/martyns-law/) and
[training for your staff](/advice-for-businesses/training-and-security-advisers/).

!!! If there is an immediate threat to life, call [999](tel:999). To report possible terrorist
activity, call the Anti-Terrorist Hotline on [0800 789 321](tel:+44800789321).
""",
        "related_links": """
Threat levels | https://www.mi5.gov.uk/threat-levels
Stay safe: Run, Hide, Tell film | https://www.gov.uk/government/publications/stay-safe-film
ProtectUK | https://www.protectuk.police.uk/
""",
        "sort_order": 40,
    },
    {
        "path": "/about-the-unit/",
        "title": "About the unit",
        "summary": (
            "The West Midlands Counter Terrorism Unit is part of West Midlands Police and of "
            "the national counter-terrorism policing network. Find out what we do and the "
            "specialist teams we have."
        ),
        "body": """
The West Midlands Counter Terrorism Unit (WMCTU) is part of West Midlands Police. We are based
in Birmingham.

We are a regional unit. Together with the other regional units across the country, we make up
the national counter-terrorism policing network.

Most of our work takes place in the West Midlands Police area. We can also be given
responsibility for investigating cases anywhere in the country.

## What we do

We lead the force's work to counter terrorism. That work follows the four strands of the UK's
counter-terrorism strategy, [CONTEST](/contest/): Prevent, Pursue, Protect and Prepare.

This website gives the public and businesses information and advice about the part they can
play in defeating terrorism.

## Our specialist teams

Our officers and staff have a wide range of specialist skills. We have:

- counter-terrorism investigators
- financial investigators
- hi-tech investigators
- forensic specialists
- surveillance teams
- a training and exercising team
- analysts
- counter-terrorism security advisers, who give businesses and organisations advice on
  protective security
- Prevent officers, who work with communities and partners to stop people being drawn into
  terrorism
- ports officers at Birmingham Airport

## Our operations

We have led a number of high-profile investigations. They include plots to carry out bombings,
to kidnap and murder a British soldier, and to attack a public rally.
[Read about our operations](/operations/).

## Tell us what you think

We welcome feedback on our work. [Use our feedback form](/contact/feedback/).

!!! Do not use the feedback form to report terrorism. If there is an immediate threat to life,
call [999](tel:999). To report possible terrorist activity, call the Anti-Terrorist Hotline on
[0800 789 321](tel:+44800789321).
""",
        "related_links": """
Our operations | /operations/
CONTEST: how we counter terrorism | /contest/
""",
        "sort_order": 40,
    },
    {
        "path": "/advice-for-businesses/",
        "title": "Advice for businesses",
        "summary": (
            "How businesses and other organisations can help protect their staff, customers "
            "and premises from terrorism, and where to find expert advice and training."
        ),
        "body": """
Businesses and other organisations have an important part to play in defeating terrorism. Your
staff see who comes and goes every day, so they are often the first to notice when something is
not right.

We work with local agencies and businesses to make the West Midlands a harder target for
terrorists. The pages in this section explain what you can do.

## Steps you can take now

1. Make sure your staff know how to report something suspicious, and that they feel confident
   doing it.
2. Help your staff to recognise
   [hostile reconnaissance](/advice-for-businesses/hostile-reconnaissance/) and
   [suspicious items and behaviour](/advice-for-businesses/suspicious-items-and-behaviour/).
3. Teach everyone the national advice for an attack:
   [Run, Hide, Tell](/advice-for-businesses/staying-safe-in-an-attack/).
4. Plan how you would evacuate, move people to a safer place inside, lock down and keep people
   informed, and then practise it.
5. Find out whether [Martyn's Law](/advice-for-businesses/martyns-law/) applies to your
   premises.
6. Use the
   [training and advice available](/advice-for-businesses/training-and-security-advisers/),
   including from our counter-terrorism security advisers.

## If your business provides what terrorists need

Terrorists need places to live, vehicles, storage and money. If you are a landlord, letting
agent, motor trader, vehicle hire firm or storage provider, or you handle payments, you could
notice something that helps us.
[Find out what to look out for](/advice-for-businesses/suspicious-items-and-behaviour/).

## How to report

!!! If there is an immediate threat to life, call [999](tel:999). To report possible terrorist
activity, call the Anti-Terrorist Hotline on [0800 789 321](tel:+44800789321), or
[report it online](https://act.campaign.gov.uk/).
""",
        "related_links": """
ProtectUK | https://www.protectuk.police.uk/
National Protective Security Authority (NPSA) | https://www.npsa.gov.uk/
Report suspicious activity online | https://act.campaign.gov.uk/
""",
        "show_in_menus": True,
        "sort_order": 30,
    },
    {
        "path": "/advice-for-businesses/hostile-reconnaissance/",
        "title": "Hostile reconnaissance and Project Servator",
        "summary": (
            "Before an attack, people planning it often gather information about their "
            "target. Find out what hostile reconnaissance is, what to look for and how your "
            "staff can help to deter it."
        ),
        "body": """
Hostile reconnaissance is the information gathering that someone carries out when they are
planning to commit a crime, such as a terrorist attack. Before they act, they may want to find
out how a place works and how it is protected.

This is a point at which a plan can be disrupted. People gathering information do not want to
be noticed. Alert staff who know what to look for can make that much harder.

## What to look out for

Most people who visit your premises are there for ordinary reasons. Be alert to someone who:

- shows an unusual interest in your security, such as CCTV cameras, entrances, exits or where
  staff are posted
- takes photographs, films or notes of things that most visitors would not be interested in
- asks unusual questions about your security, staff routines or busy times
- keeps coming back, or stays around, without an obvious reason

One of these on its own may have an innocent explanation. Trust your instincts. If something
does not look or feel right, report it and let the police decide.

## How your staff can help to deter it

- Be visible. Greet people and offer to help them. Someone gathering information does not want
  to be noticed or remembered.
- Make sure every member of staff knows how to report a concern, both inside your organisation
  and to the police.
- Keep security measures in good working order and make sure staff follow security procedures.
- Do not put yourself at risk. If you are worried about someone, keep your distance and report
  it.

Our counter-terrorism security advisers can give you advice on hostile reconnaissance.
[Find out how they can help](/advice-for-businesses/training-and-security-advisers/).

## Project Servator

Project Servator is a policing tactic designed to disrupt criminal activity, including
terrorism, while reassuring the public.

- Officers are specially trained to spot the signs that someone may be carrying out hostile
  reconnaissance.
- Officers in uniform and in plain clothes carry out highly visible patrols. They may be
  supported by firearms officers, police dogs and police horses.
- Officers talk to members of the public, shoppers, retailers and businesses, and ask them to
  act as extra eyes and ears for the police.

Project Servator's message is simple: if you see something suspicious, something that does not
look or feel right, tell the police.

## How to report

If there is an immediate threat to life, call [999](tel:999). To report possible terrorist
activity, call the Anti-Terrorist Hotline on [0800 789 321](tel:+44800789321) or
[report it online](https://act.campaign.gov.uk/). Reports are confidential.
""",
        "related_links": """
National Protective Security Authority (NPSA) | https://www.npsa.gov.uk/
ProtectUK | https://www.protectuk.police.uk/
Report suspicious activity online | https://act.campaign.gov.uk/
""",
        "sort_order": 10,
    },
    {
        "path": "/advice-for-businesses/suspicious-items-and-behaviour/",
        "title": "Suspicious items and behaviour",
        "summary": (
            "Terrorists need recruits, places to live, transport, storage and money. Find out"
            " what to look out for, what to do about an unattended item and how to report it."
        ),
        "body": """
To plan an attack, terrorists need help from the world around them. You may have information
that could help to stop them without realising it.

## What terrorists need and what to look out for

### Recruits

Terrorists need people to join or support them. Do you know someone whose behaviour has changed
suddenly? What has changed, and could it be significant? If you are worried about someone close
to you, [find out how to get help](/contest/prevent/act-early/).

### Places to live

Terrorists need somewhere to live and to plan. Are you a landlord or letting agent? Has
anything about a tenant or a neighbour made you suspicious?

### Transport

Terrorists need vehicles. Are you a motor trader or do you hire out vehicles? Has a sale or a
rental made you suspicious?

### Storage

Terrorists need somewhere to keep equipment and materials. Do you rent out garages, lock-ups,
storage units or commercial property? Has anyone renting from you made you suspicious?

### Money

Terrorists need money. Do you handle payments? Has a card, cheque or other transaction made you
suspicious?

### Materials

Some fertilisers and chemicals can be misused to make explosives. If you sell or store them,
keep your stock secure. Report any thefts, and any purchases that seem unusual.

You do not need to be certain. Let the police decide whether your information is important. It
could be the missing piece of an investigation.

## Unattended items: the HOT principle

Most items left unattended are lost or forgotten. To decide whether an item could be
suspicious, use the HOT principle:

- **Hidden**: has it been deliberately hidden or placed out of view?
- **Obviously suspicious**: can you see anything such as wires, batteries, circuit boards, tape
  or liquids?
- **Typical**: is it what you would normally expect to find in this place?

If the item is hidden, obviously suspicious or not typical, or you are in any doubt:

1. Do not touch it or move it.
2. Move yourself and other people away from it.
3. Call [999](tel:999) and tell the police where it is and what it looks like.

## How to report

If a bag, vehicle or someone's behaviour poses an immediate threat, call [999](tel:999)
straight away.

For anything else, call the Anti-Terrorist Hotline on [0800 789 321](tel:+44800789321) or
[report it online](https://act.campaign.gov.uk/). Your report is confidential and you can stay
anonymous.
""",
        "related_links": """
Report suspicious activity online | https://act.campaign.gov.uk/
ProtectUK | https://www.protectuk.police.uk/
How you can help | /how-you-can-help/
""",
        "sort_order": 20,
    },
    {
        "path": "/advice-for-businesses/staying-safe-in-an-attack/",
        "title": "Staying safe in an attack: Run, Hide, Tell",
        "summary": (
            "Attacks are rare, but knowing what to do could save your life. If you are caught"
            " up in a firearms or weapons attack, remember the national advice: Run, Hide, "
            "Tell."
        ),
        "body": """
Run, Hide, Tell is the national advice on what to do if you are caught up in a firearms or
weapons attack. Take a few minutes to learn it, and share it with your staff, family and
friends.

## Run

If there is a safe route, run to a place of safety. This is better than trying to surrender or
negotiate.

- Insist that other people come with you, but do not let their hesitation slow you down.
- Leave your belongings behind.
- Do not stop to film what is happening.

## Hide

If you cannot run safely, hide.

- Find cover from gunfire. Solid brick and reinforced walls give better protection than glass,
  wood or plasterboard.
- Lock yourself in or barricade the door, then move away from it.
- Be very quiet. Turn your phone to silent and switch off vibrate.

## Tell

When it is safe, call [999](tel:999). Give the police as much information as you can,
including:

- where you are, and where the attackers are
- which direction they were moving in when you last saw them
- what they look like, what they are wearing and any weapons they have
- anything else that could help, such as injuries or how to get into the building

If it is safe, stop other people from going towards the danger.

## When armed police arrive

Armed officers may not be able to tell you apart from an attacker at first. They may point
their weapons at you and may speak to you firmly. This is to keep everyone safe.

- Follow their instructions.
- Stay calm.
- Keep your hands where they can be seen.
- Avoid sudden movements that could seem threatening.

## For businesses

Make sure your staff know Run, Hide, Tell. Your plans should cover how you would get people
out, move them to a safer place inside, lock down your premises and keep people informed.
[Find out about Martyn's Law](/advice-for-businesses/martyns-law/) and
[training for your staff](/advice-for-businesses/training-and-security-advisers/).

!!! In an emergency, always call [999](tel:999). To report possible terrorist activity, call
the Anti-Terrorist Hotline on [0800 789 321](tel:+44800789321).
""",
        "related_links": """
Stay safe: Run, Hide, Tell film | https://www.gov.uk/government/publications/stay-safe-film
ProtectUK | https://www.protectuk.police.uk/
""",
        "sort_order": 30,
    },
    {
        "path": "/advice-for-businesses/training-and-security-advisers/",
        "title": "Protective security training and CT security advisers",
        "summary": (
            "Our counter-terrorism security advisers give businesses and organisations advice"
            " on protective security. Find out how they can help and where to find current "
            "training for your staff."
        ),
        "body": """
## Counter-terrorism security advisers (CTSAs)

Our CTSAs give protective security advice to businesses, premises and people that could be at
risk from terrorism. Their aim is to reduce how vulnerable you are to an attack. Their advice
takes account of the full range of methods that terrorists might use.

CTSAs work in line with the UK's counter-terrorism strategy, [CONTEST](/contest/). They work
closely with other police forces, government departments and other agencies.

CTSAs can help you to:

- understand how to protect your premises, your staff and the public
- recognise and deter [hostile reconnaissance](/advice-for-businesses/hostile-reconnaissance/)
- test your plans for responding to an incident and for keeping your business running
  afterwards

To ask for advice, [contact us](/contact/).

## Training for your staff

Counter-terrorism training for businesses has changed over the years. You may remember schemes
from the 2000s, such as Project Griffin, which ran awareness courses for businesses, and the
Safer Businesses online one-stop shop. The national programmes have changed since then.

Today, you can find current training and guidance on
[ProtectUK](https://www.protectuk.police.uk/), the national website for protective security
advice. It includes ACT (Action Counters Terrorism) Awareness e-learning, which helps staff to
understand and respond to the threat.

## National Protective Security Authority (NPSA)

The [NPSA](https://www.npsa.gov.uk/) is the government's authority for protective security
advice. It is part of MI5. It used to be called the Centre for the Protection of National
Infrastructure (CPNI). It gives advice to businesses and organisations, especially those that
are part of the national infrastructure.

## Report anything suspicious

!!! If there is an immediate threat to life, call [999](tel:999). To report possible terrorist
activity, call the Anti-Terrorist Hotline on [0800 789 321](tel:+44800789321).
""",
        "related_links": """
ProtectUK | https://www.protectuk.police.uk/
National Protective Security Authority (NPSA) | https://www.npsa.gov.uk/
Contact us | /contact/
""",
        "sort_order": 40,
    },
    {
        "path": "/advice-for-businesses/martyns-law/",
        "title": "Martyn's Law",
        "summary": (
            "Martyn's Law, the Terrorism (Protection of Premises) Act 2025, will require some"
            " public premises to prepare for a terrorist attack. Find out who it applies to "
            "and what it asks."
        ),
        "body": """
!!! Commencement: the Act received Royal Assent in April 2025 and there is an implementation
period of at least 24 months before duties apply. Check the latest position on GOV.UK.

Martyn's Law is the common name for the Terrorism (Protection of Premises) Act 2025. It aims to
make sure that people responsible for certain public premises are ready for a terrorist attack
and know how to protect the people inside.

## Why it is called Martyn's Law

The law is named after Martyn Hett. He was killed in the Manchester Arena attack in 2017.

## Who it applies to

Martyn's Law applies to certain kinds of premises that are open to the public. Which tier
applies depends on how many people may be present at the same time.

### Standard tier

The standard tier covers premises where 200 or more people may be present.

If you are responsible for standard tier premises, you will need public protection procedures.
These are the steps your staff would take to reduce harm if an attack happened.

### Enhanced tier

The enhanced tier covers premises where 800 or more people may be present.

Enhanced tier premises have more demanding duties than standard tier premises. GOV.UK explains
them in full.

Not every building with 200 or more people is covered. Check the official guidance on GOV.UK to
find out whether your premises are in scope.

## The four public protection procedures

Your procedures should cover:

- **Evacuation**: getting people out of the premises quickly and safely.
- **Invacuation**: bringing people into the premises, or moving them to a safer place inside.
- **Lockdown**: securing the premises to stop an attacker getting in or moving through.
- **Communication**: telling people on the premises what is happening and what they should do.

## Planning your procedures

Good procedures are simple, written down and practised. As you plan, ask yourself:

- How would staff find out that an attack was happening, and how would they raise the alarm?
- Which routes would you use to get people out, and where would they go?
- Where inside your premises could people shelter safely, away from the danger?
- Which doors and entrances could you lock quickly, and who would do it?
- How would you tell everyone on the premises what to do, including people who cannot hear an
  announcement or see a screen?
- How would you help people who need more time or support to move, such as disabled people?
- Who would call [999](tel:999), and what would they tell the police?

Once you have a plan, make sure every member of staff knows their part. Practise it, and review
it when something changes, such as the layout of your premises or the number of people you
expect.

## Who regulates it

The Security Industry Authority (SIA) is the regulator for Martyn's Law. It will oversee how
the new duties are met.

## What you can do now

You do not need to wait for the duties to apply to start preparing.

1. Work out how many people may be on your premises at the same time.
2. Think through how you would evacuate, invacuate, lock down and communicate. Write down who
   would do what.
3. Make sure your staff know the national advice for an attack:
   [Run, Hide, Tell](/advice-for-businesses/staying-safe-in-an-attack/).
4. Train your staff. ACT Awareness e-learning is available on
   [ProtectUK](https://www.protectuk.police.uk/).
5. Help your staff to recognise
   [hostile reconnaissance](/advice-for-businesses/hostile-reconnaissance/) and
   [suspicious items and behaviour](/advice-for-businesses/suspicious-items-and-behaviour/).
6. Ask our
   [counter-terrorism security advisers](/advice-for-businesses/training-and-security-advisers/)
   for advice on protective security.

## Where to find the official guidance

This page is a short summary. It is not legal advice. For the Act, the guidance and the latest
information on when the duties will apply, go to GOV.UK.

!!! If there is an immediate threat to life, call [999](tel:999). To report possible terrorist
activity, call the Anti-Terrorist Hotline on [0800 789 321](tel:+44800789321).
""",
        "related_links": """
Terrorism (Protection of Premises) Act 2025 on GOV.UK | https://www.gov.uk/government/collections/terrorism-protection-of-premises-act-2025
Security Industry Authority | https://www.gov.uk/government/organisations/security-industry-authority
ProtectUK | https://www.protectuk.police.uk/
""",
        "sort_order": 50,
    },
    {
        "path": "/how-you-can-help/",
        "title": "How you can help: if you suspect it, report it",
        "summary": (
            "Communities defeat terrorism. If you see or hear something that does not feel "
            "right, report it. Your report is confidential, every report is checked and you "
            "could save lives."
        ),
        "body": """
!!! If there is an immediate threat to life, call [999](tel:999).

Communities defeat terrorism. You may know more than you realise. You know the people, places
and events around you, and you often have the best sense of when something is unusual.

If you suspect it, report it. Trust your instincts. If something does not feel right, tell us.
You could save lives.

Even the smallest piece of information could be important. It may fit with other information to
form a pattern.

## What terrorists need

To plan an attack, terrorists need:

- recruits
- places to live
- transport
- storage
- money

[Find out what to look out for](/advice-for-businesses/suspicious-items-and-behaviour/).

## How to report

- If there is an immediate threat to life, call [999](tel:999). Do the same if you see a bag,
  vehicle or behaviour that poses an immediate threat.
- Call the Anti-Terrorist Hotline free on [0800 789 321](tel:+44800789321).
- [Report suspicious activity online](https://act.campaign.gov.uk/).
- Call Crimestoppers on [0800 555 111](tel:+44800555111) to report anonymously.
- [Report terrorist or extremist material online](https://www.gov.uk/report-terrorism).
- If you have information that could help keep your community safe, you can also contact the
  Security Service (MI5) through [its website](https://www.mi5.gov.uk/).

If you are worried that someone close to you is being radicalised,
[find out how to get help](/contest/prevent/act-early/).

## What happens when you report

- Your report is confidential, and you can stay anonymous.
- Every call and every online report is checked. None is ignored.
- You are not wasting police time. We only take action after the right checks have been made.
- You do not have to be sure. Let us decide whether your information is important.

Some people worry that friends or family will find out, or that there may be an innocent
explanation. We understand this. Everything you tell us is treated in the strictest confidence,
and we know that people who contact us do so in good faith.

## If you would rather not contact the police

You may feel more comfortable talking to someone else. You can:

- call Crimestoppers on [0800 555 111](tel:+44800555111), without giving your name
- talk to an organisation you trust, which can pass the information to the police without
  naming you

[See other ways to contact us, including organisations you can talk to](/contact/).
""",
        "related_links": """
Report suspicious activity online | https://act.campaign.gov.uk/
Report terrorist material online | https://www.gov.uk/report-terrorism
Contact us | /contact/
""",
        "sort_order": 50,
    },
    {
        "path": "/accessibility-statement/",
        "title": "Accessibility statement",
        "summary": (
            "How accessible this website is, what to do if you have a problem using it, and "
            "how to complain if you are not happy with our response."
        ),
        "body": """
This accessibility statement applies to the website of the West Midlands Counter Terrorism
Unit, which is part of West Midlands Police.

We want as many people as possible to be able to use this website. For example, you should be
able to:

- make text up to 200% bigger without losing any content
- use the website on a screen as narrow as 320 pixels without scrolling sideways
- move through the whole website using just a keyboard
- use the website, including its forms, with JavaScript switched off

[AbilityNet](https://mcmw.abilitynet.org.uk/) has advice on making your device easier to use if
you have a disability.

## How we made this website accessible

We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. To do
this:

- we built the website with GOV.UK Frontend components, which are designed to be accessible
- we test our pages and forms with the automated checking tool axe-core
- we test our pages and forms using only a keyboard
- we check that pages work without JavaScript, when text is made bigger and on small screens

## Known limitations

- If we publish older documents, such as reports in PDF format, they may not be fully
  accessible.
- We link to other websites, such as GOV.UK, ProtectUK and Act Early. We are not responsible
  for how accessible they are. Check each website's own accessibility statement.

## Reporting a problem with this website

If you have a problem using this website, or you need information in a different format,
[use our feedback form](/contact/feedback/). Tell us the address of the page and what the
problem is. We will consider your request and get back to you. To get a reply, give us your
email address.

!!! Do not use the feedback form to report terrorism. If there is an immediate threat to life,
call [999](tel:999). To report possible terrorist activity, call the Anti-Terrorist Hotline on
[0800 789 321](tel:+44800789321).

## Enforcement procedure

The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector
Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the
"accessibility regulations").

If you are not happy with how we respond to your complaint, contact the
[Equality Advisory and Support Service (EASS)](https://www.equalityadvisoryservice.com/).

## Preparation of this statement

This statement was prepared in November 2026.
""",
        "related_links": """
Equality Advisory and Support Service | https://www.equalityadvisoryservice.com/
Give feedback | /contact/feedback/
""",
        "sort_order": 900,
    },
    {
        "path": "/privacy-notice/",
        "title": "Privacy notice",
        "summary": (
            "What personal information this website collects, why, how long we keep it, who "
            "can see it and your rights under data protection law."
        ),
        "body": """
This notice explains what information this website collects about you and what we do with it.

## Who we are

This website is run by the West Midlands Counter Terrorism Unit. The unit is part of West
Midlands Police, which is the data controller for the personal information collected through
this website.

## What we collect

### Page feedback

On our pages you can tell us whether you found what you were looking for and rate the page from
1 to 5. You can also add a comment. We store your answers with the address of the page and the
date.

### The feedback form

If you use our [feedback form](/contact/feedback/), we store:

- your message
- your name and email address, if you choose to give them
- whether you are happy for us to reply to you

Please do not include personal information about other people in your feedback.

### Prevent referrals

Professionals can use our [online form](/contact/prevent-referral/) to make a referral to
Prevent. We store what you tell us about yourself (your name, role, organisation, work email and
phone number), about the person you are worried about (their name, date of birth or approximate
age, address or area, and school or employer), your concerns, whether the person knows about the
referral, the basis for sharing and which other agencies are involved.

Every part of a referral is stored encrypted. While you fill in the form, your answers are kept,
also encrypted, until you send them; answers you have not sent are deleted after 30 minutes, or
as soon as you send the form.

### Protecting our forms from misuse

To stop our forms being misused, we use your internet (IP) address to limit how often a form
can be sent from the same place. We keep this for a short time only.

## How we use your information

We use feedback to improve this website and our work. If you give us your email address and say
we may reply, we may use it to answer you.

We use Prevent referrals to assess concerns that someone may be at risk of radicalisation, and
to decide what support they need.

## Who can see it

- Feedback can be seen only by the unit's feedback triage staff and the website's
  administrators.
- On this website, Prevent referrals can be seen only by the Prevent triage team. If a referral
  is taken forward, information may be shared with partner agencies that help to safeguard the
  person.

We keep a record of every time someone views a Prevent referral.

The emails that tell our staff about new feedback or referrals contain only a reference number,
not what you wrote.

## How long we keep it

- When we have finished dealing with feedback, we close it. Closed feedback is deleted after
  365 days.
- Prevent referrals are kept while our Prevent team deals with them. When a referral is closed,
  it is deleted from this website 30 days later. If it has been passed on, for example to a
  Channel panel, the agencies involved keep their own records under their own privacy notices.
- The record of who viewed a referral is kept after the referral is deleted, so that access can
  still be checked. It holds the reference number, not the referral.

## No tracking

This website does not use analytics. It does not use advertising or any other third-party
tracking. [Read about the cookies we use](/cookies/).

## Your rights

Under the UK General Data Protection Regulation (UK GDPR) and the Data Protection Act 2018, you
have the right to:

- ask for a copy of the personal information we hold about you
- ask us to correct information that is wrong
- ask us to delete your information, where this applies

To use these rights, or to find out more about how West Midlands Police handles personal
information, read the privacy information on the
[West Midlands Police website](https://www.westmidlands.police.uk/).

## How to complain

If you are unhappy with how we have used your information, you can complain to the
[Information Commissioner's Office (ICO)](https://ico.org.uk/).
""",
        "related_links": """
Information Commissioner's Office | https://ico.org.uk/
Cookies | /cookies/
""",
        "sort_order": 910,
    },
    {
        "path": "/cookies/",
        "title": "Cookies",
        "summary": (
            "This website uses only the cookies it needs to work. Public pages set no "
            "cookies, and we do not use analytics or advertising cookies."
        ),
        "body": """
Cookies are small files saved on your phone, tablet or computer when you visit a website.

This website only uses cookies that are strictly necessary for it to work. We do not use
cookies for analytics or advertising, and we do not allow anyone else to set cookies on this
website.

## Reading our pages

If you only read our pages, we do not set any cookies.

## Using our forms

When you use a form, such as our [feedback form](/contact/feedback/), we may set a cookie
called `csrftoken`. It protects the form from misuse by checking that what is sent really came
from our website. It expires after 1 year.

Our online Prevent referral form also sets a cookie called `sessionid` to remember your answers
as you go. Answers you have not sent are deleted after 30 minutes, or as soon as you send the
form.

## Staff who sign in

Our staff sign in to manage the website. When they do, we set:

- `sessionid`, which keeps them signed in. It expires after 8 hours.
- `csrftoken`, which protects their forms from misuse. It expires after 1 year.
- `messages`, which shows them short notes, for example to confirm that a change was saved. It
  is deleted once the note has been shown.

## Why there is no cookie banner

We only use strictly necessary cookies. The law does not require us to ask for your consent to
these, so we do not show a cookie banner.

## Managing cookies

You can block or delete cookies in your browser settings. If you block them, you can still read
every page, but our forms may not work.

[Read our privacy notice](/privacy-notice/).
""",
        "related_links": """
Privacy notice | /privacy-notice/
""",
        "sort_order": 920,
    },
]
