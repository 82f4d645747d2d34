"""Brazilian Portuguese messages (the default language)."""

MESSAGES: dict[str, str] = {
    # errors
    "error.generic": "Algo deu errado. Nada foi alterado.",
    "error.lead_not_found": "Não existe lead com o id {lead_id}.",
    "error.move_conflict": (
        "O lead {lead_id} mudou desde que você o viu (versão {seen_version}, agora "
        "{current_version}): {moved_by_text} para {status_label}. Nada foi sobrescrito."
    ),
    "error.move_conflict.moved_by": "{moved_by} o moveu",
    "error.move_conflict.someone": "outra pessoa o alterou",
    "error.nothing_to_undo": "Nada seu para desfazer (movimentação, atribuição ou atendido).",
    "error.invalid_input": "Valor inválido.",
    "error.store_unavailable": (
        "Não foi possível abrir a base de dados ({reason}). Confira o caminho em --db e as "
        "permissões; nada foi alterado."
    ),
    "error.store_cannot_create": (
        "Não foi possível criar a base de dados em {path}. Confira as permissões da pasta "
        "ou escolha outro caminho com --db."
    ),
    "error.store_missing": "A base de dados {path} não existe.",
    "error.bad_db_url": (
        "Endereço de base de dados não suportado: {url}. Use sqlite:///caminho/arquivo.sqlite "
        "ou postgresql+psycopg://usuario@servidor/base."
    ),
    "error.schema_too_new": (
        "Esta base de dados foi criada por uma versão mais nova do cockpit-tui (esquema "
        "{found}; esta versão conhece até {supported}). Atualize o cockpit-tui."
    ),
    "error.migration_failed": (
        "A atualização do esquema para a versão {version} falhou; a base continua na versão "
        "{kept}, com todos os dados. Uma cópia de segurança foi feita antes."
    ),
    "error.backup_failed": "A cópia de segurança falhou ({reason}); nenhum arquivo foi deixado.",
    "error.backup_same_file": (
        "O destino da cópia é a própria base de dados. Escolha outro arquivo."
    ),
    "error.backup_destination_is_dir": "{path} é uma pasta. Informe o nome do arquivo da cópia.",
    "error.backup_no_folder": "A pasta {path} não existe.",
    "error.pg_dump_missing": (
        "Para copiar uma base PostgreSQL é preciso o pg_dump (pacote postgresql-client)."
    ),
    "error.name_required": "O lead precisa de um nome.",
    "error.bad_phone": "Telefone inválido.",
    "error.empty_message": "A mensagem está vazia.",
    "error.empty_reply": "A resposta está vazia: escreva algo antes de enviar.",
    "error.already_in_status": "O lead já está em {status_label}.",
    "error.negotiation_still_open": (
        "O lead {lead_id} ainda está em negociação; só leads vendidos ou não vendidos "
        "podem começar uma nova negociação."
    ),
    "error.bad_status": ("Status desconhecido: {value}. Use um destes: {choices}."),
    "error.bad_plan": "Plano desconhecido: {value}. Use crm, smart ou smart-plus.",
    "error.bad_lang": "Idioma desconhecido: {value}. Use pt ou en.",
    "error.demo_with_db": "--demo usa a sua própria base de demonstração; não use junto com --db.",
    "error.interrupted": "Interrompido. Nada pela metade foi gravado.",
    # command line
    "cli.description": (
        "cockpit: gerenciador de leads (Kanban) para vendedores de concessionárias, no terminal."
    ),
    "cli.epilog": "Sem subcomando, abre o quadro da loja.",
    "cli.demo": "usa a loja de demonstração (separada da loja real)",
    "cli.db": "endereço da base (SQLAlchemy); padrão: arquivo na pasta de dados do usuário",
    "cli.user": "seu nome de vendedor (padrão: o usuário do sistema)",
    "cli.lang": "idioma: pt ou en",
    "cli.json": "saída em JSON",
    "cli.leads": "lista os leads na ordem do quadro",
    "cli.leads.status": "só os leads deste status (código, número ou nome)",
    "cli.move": "move um lead para outro status",
    "cli.move.lead": "id do lead",
    "cli.move.status": "status de destino (código, número 1–6 ou nome)",
    "cli.move.expect": "recusa a movimentação se o lead não estiver nesta versão",
    "cli.plan": "mostra ou muda o plano da loja",
    "cli.plan.value": "novo plano: crm, smart ou smart-plus",
    "cli.backup": "copia a base de dados com segurança, mesmo em uso",
    "cli.backup.dest": "arquivo de destino",
    "cli.version": "mostra a versão",
    "cli.moved": "Lead {lead_id} movido de {from_label} para {to_label} (versão {version}).",
    "cli.plan_is": "Plano da loja: {plan}.",
    "cli.plan_set": "Plano da loja alterado para {plan}.",
    "cli.backup_done": "Cópia gravada em {path}.",
    "cli.backup_progress": "Copiando a base",
    "cli.migrating": "Atualizando o esquema da base",
    "cli.migrated": "Base atualizada da versão {old} para {new}; cópia anterior em {path}.",
    "cli.no_leads": "Nenhum lead.",
    "cli.unassigned": "Não atribuído",
    "cli.attention": "atenção",
    "cli.unread": "{count} não lidas",
    # the app
    "app.title": "Cockpit · Gerenciador de leads",
    "app.header": "{plan} · {user} · {attention}",
    "app.empty_store": (
        "Nenhum lead ainda. Importe um arquivo (cockpit import ARQUIVO), receba eventos "
        "(cockpit ingest -) ou experimente a demonstração: cockpit --demo"
    ),
    "app.quit": "Sair",
    "app.store_error": "Não foi possível ler a base: {reason}",
    # the board
    "board.moved": "Movido para {status} — u desfaz",
    "board.undone": "Desfeito: {name} de volta a {status}",
    "board.assigned_to_me": "Lead atribuído a você",
    "board.already_first": "Este lead já está na primeira coluna.",
    "board.already_last": "Este lead já está na última coluna.",
    "board.nothing_urgent": "Nenhum lead esperando resposta agora.",
    "board.column_empty": "Nenhum lead aqui",
    "board.list_needs_plan": (
        "A visualização em lista faz parte dos planos CRM Smart e CRM +Smart; esta loja "
        "está no plano CRM. Mude com: cockpit plan smart"
    ),
    "card.read_reply": "✉ lida",
    "card.new": "NOVO",
    "card.no_vehicle": "Veículo não informado",
    "card.unassigned": "Não atribuído",
    "card.appointment": "{when}",
    "card.overdue": "{when} atrasado",
    "picker.title": "Mover o lead para…",
    "picker.current": "atual",
    "picker.hint": "1–6 escolhe · enter confirma · esc cancela",
    "board.palette_key": "Comandos",
    "palette.move_to": "Mover para {status}",
    "palette.move_to.help": "Move o lead selecionado",
    # intake
    "cli.import": "importa leads de um arquivo CSV ou JSON",
    "cli.import.file": "arquivo CSV (separado por ; ou ,) ou JSON",
    "cli.import.encoding": "força a codificação (padrão: UTF-8, depois Windows-1252)",
    "cli.import.dry_run": "só valida e conta; não grava nada",
    "cli.import_progress": "Importando",
    "cli.import_summary": (
        "Importados: {imported} · somados a leads já abertos: {merged} · "
        "já importados antes: {already} · recusados: {rejected}"
    ),
    "cli.import_rejects": "Linhas recusadas em {path} (linha, motivo e a linha original).",
    "cli.import_rejects_unwritable": (
        "Não foi possível gravar {path} (a pasta não aceita escrita); as linhas recusadas seguem:"
    ),
    "cli.import_interrupted": (
        "Importação interrompida: {done} de {total} linhas do arquivo já estão na base "
        "(em blocos inteiros; nada pela metade). Rode o mesmo comando de novo para continuar: "
        "as linhas que já entraram são puladas."
    ),
    "cli.import_dry": "Simulação: nada foi gravado.",
    "cli.ingest": "aplica eventos NDJSON (um por linha) de um arquivo ou da entrada padrão",
    "cli.ingest.file": "arquivo NDJSON, ou - para a entrada padrão (padrão)",
    "cli.ingest_problem": "linha {line}: {reason}",
    "cli.ingest_summary": (
        "Eventos aplicados: {applied} · repetidos (ignorados): {repeated} · com erro: {bad}"
    ),
    "cli.outbox": "respostas esperando entrega, para um conector (ack ID confirma uma)",
    "cli.outbox.action": "ack: confirma a entrega da resposta ID",
    "cli.outbox.id": "id da resposta entregue",
    "cli.outbox_empty": "Nenhuma resposta esperando entrega.",
    "cli.outbox_acked": "Resposta {reply_id} marcada como entregue.",
    "cli.outbox_needs_id": "Informe o id: cockpit outbox ack ID",
    "outbox.unknown": "Não há resposta com o id {reply_id} na fila de saída.",
    "outbox.already": "A resposta {reply_id} já estava marcada como entregue.",
    "intake.no_file": "O arquivo {path} não existe.",
    "intake.unreadable": "Não foi possível ler {path}; confira as permissões.",
    "intake.unknown_encoding": "Codificação desconhecida: {encoding}.",
    "intake.bad_encoding": ("O arquivo não está em {tried}. Informe a codificação com --encoding."),
    "intake.empty_file": "O arquivo está vazio.",
    "intake.no_name_column": (
        "O cabeçalho não tem a coluna do nome (nome ou name). A primeira linha do arquivo "
        "precisa ser o cabeçalho."
    ),
    "intake.bad_csv": "O CSV está malformado perto da linha {line} (aspas sem fechar?).",
    "intake.bad_json": "O JSON está malformado (linha {line}).",
    "intake.json_not_array": "O JSON precisa ser uma lista de objetos, um por lead.",
    "intake.missing_name": "sem nome",
    "intake.missing_contact": "sem telefone nem e-mail",
    "intake.bad_phone": "telefone inválido",
    "intake.bad_email": "e-mail inválido",
    "intake.bad_price": "valor inválido (use 139.900,00 ou 139900)",
    "intake.bad_date": "data inválida (use dd/mm/aaaa hh:mm ou ISO 8601)",
    "intake.bad_status": "status desconhecido",
    "intake.field_too_long": "campo {field} com {size} caracteres (máximo 50.000)",
    "ingest.not_json": "não é JSON",
    "ingest.not_object": "não é um objeto JSON",
    "ingest.missing_field": "falta o campo {field}",
    "ingest.bad_field": "campo {field} inválido",
    "ingest.unknown_event": "evento desconhecido: {event}",
    "ingest.unknown_lead": "a mensagem não corresponde a nenhum lead",
    # the lead screen, its forms and the team
    "cli.team": "mostra ou muda a equipe de vendedores da loja",
    "cli.team.action": "add: inclui um vendedor; remove: tira um vendedor",
    "cli.team.name": "nome do vendedor",
    "cli.team_added": "{name} agora faz parte da equipe.",
    "cli.team_already": "{name} já fazia parte da equipe.",
    "cli.team_removed": (
        "{name} saiu da equipe (os leads atribuídos a {name} continuam com o nome)."
    ),
    "cli.team_empty": "A equipe ainda não tem vendedores. Inclua com: cockpit team add NOME",
    "cli.team_needs_name": "Informe o nome: cockpit team {action} NOME",
    "team.empty_name": "O nome do vendedor está vazio.",
    "team.not_member": "{name} não faz parte da equipe. Veja a equipe com: cockpit team",
    "form.hint": "ctrl+s salva · tab muda de campo · esc fecha sem salvar",
    "form.text_hint": "ctrl+s ou ctrl+j envia · esc guarda o rascunho",
    "form.bad_datetime": (
        "Data e hora inválidas: use dd/mm/aaaa hh:mm, por exemplo {example:%d/%m/%Y} 14:30."
    ),
    "form.past_datetime": "Essa data e hora já passaram: escolha um momento no futuro.",
    "form.video_needs_plan": (
        "Videochamada faz parte do plano CRM +Smart. Escolha visita ou retorno de ligação, ou "
        "mude o plano com: cockpit plan smart-plus"
    ),
    "form.choose_kind": "Escolha o tipo: visita, retorno de ligação ou videochamada.",
    "form.choose_answer": "Escolha se aconteceu ou não.",
    "form.choose_reason": "Escolha um motivo da lista (↑/↓ e espaço).",
    "form.choose_salesperson": "Escolha um vendedor da lista.",
    "form.bad_price": "Valor inválido: use 139.900,00 ou 139900.",
    "form.trade_in_required": "Na troca com troco, informe o veículo recebido na troca.",
    "form.lost_other_needs_text": 'Com o motivo "outro", escreva em poucas palavras o que houve.',
    "form.empty_note": "A nota está vazia: escreva algo antes de salvar.",
    "form.outcome_wrong_status": "O lead não está mais em {status_label}; nada foi registrado.",
    "form.unknown_appointment": "Esse compromisso não existe mais.",
    "form.appointment_resolved": "Esse compromisso já foi marcado como realizado ou não.",
    "reply.title": "Responder a {name}",
    "reply.placeholder": "Escreva a resposta ao cliente…",
    "note.title": "Nova nota",
    "note.placeholder": "O que aconteceu? (ligação, combinado, observação…)",
    "schedule.title": "Agendar com {name}",
    "schedule.after_move": "Agendar a visita de {name} (esc pula; o lead já foi movido)",
    "schedule.kind": "Tipo",
    "schedule.when": "Data e hora (dd/mm/aaaa hh:mm)",
    "schedule.video_unavailable": "{kind} — indisponível: só no plano CRM +Smart",
    "appointment.visit": "Visita à loja",
    "appointment.call_back": "Retorno de ligação",
    "appointment.video_call": "Videochamada",
    "visit.title": "{kind} de {when}: aconteceu?",
    "visit.hint": "s sim · n não · esc fecha",
    "visit.occurred": "Sim, aconteceu",
    "visit.missed": "Não aconteceu",
    "sale.title": "Venda para {name} (opcional · esc pula; o lead já foi movido)",
    "sale.hint": "ctrl+s ou enter salva · tab muda de campo · esc pula",
    "sale.price": "Valor final (R$)",
    "sale.method": "Forma de pagamento",
    "sale.trade_in": "Veículo na troca",
    "sale.trade_in_placeholder": "ex.: VW Gol 1.0 2015",
    "payment.cash": "À vista",
    "payment.financing": "Financiamento",
    "payment.consortium": "Consórcio",
    "payment.trade_in": "Troca com troco",
    "lost.title": "Por que {name} não comprou? (esc pula; o lead já foi movido)",
    "lost.hint": "↑/↓ e espaço escolhem · ctrl+s salva · esc pula",
    "lost.reason": "Motivo",
    "lost.note": "Detalhes (opcional)",
    "lost.note_placeholder": "ex.: achou mais barato na concorrência",
    "lost_reason.price": "Preço",
    "lost_reason.bought_elsewhere": "Comprou em outra loja",
    "lost_reason.financing_denied": "Financiamento negado",
    "lost_reason.gave_up": "Desistiu",
    "lost_reason.no_contact": "Sem contato",
    "lost_reason.other": "Outro",
    "assign.title": "Atribuir o lead a…",
    "assign.hint": "↑/↓ escolhe · enter confirma · esc fecha",
    "assign.current": "atual",
    "lead.title": "Lead #{lead_id} · {status}",
    "lead.loading": "Carregando o lead…",
    "lead.conversation": "Conversa",
    "lead.history": "Histórico",
    "lead.no_messages": "Nenhuma mensagem ainda. r responde ao cliente.",
    "lead.unread": "{count} não lidas",
    "lead.new_message": "nova",
    "lead.delivered": "entregue",
    "lead.queued": "na fila de envio",
    "lead.phone": "Telefone",
    "lead.email": "E-mail",
    "lead.source": "Origem",
    "lead.vehicle": "Veículo",
    "lead.price": "Valor",
    "lead.status": "Status",
    "lead.salesperson": "Vendedor",
    "lead.arrived": "Chegou em",
    "lead.age": "negociação {age}",
    "lead.next_appointment": "Próximo compromisso",
    "lead.other_negotiations": "Outras negociações:",
    "lead.replied": "Resposta enviada para a fila de saída",
    "lead.noted": "Nota registrada",
    "lead.scheduled": "Compromisso agendado",
    "lead.visit_recorded": "Compromisso registrado",
    "lead.handled": "Marcado como atendido: o lead sai do topo da coluna",
    "lead.no_phone": "Este lead não tem telefone; não há link de WhatsApp.",
    "lead.whatsapp_copied": "Link copiado: {link}",
    "lead.assigned": "Lead atribuído a {name}",
    "lead.renegotiated": (
        "Nova negociação #{lead_id} em Nova proposta (a anterior, #{old_id}, fica no histórico)"
    ),
    "lead.saved": "Registrado",
    "history.created": "Lead chegou ({source})",
    "history.created_plain": "Lead chegou",
    "history.renegotiated": "Nova negociação a partir do lead #{lead_id}",
    "history.moved": "moveu de {from_label} para {to_label}",
    "history.undone": "(desfeito)",
    "history.assigned": "atribuiu a {name}",
    "history.unassigned": "deixou sem vendedor",
    "history.note": "anotou: {text}",
    "history.scheduled": "agendou {kind} para {when}",
    "history.occurred": "registrou: {kind} de {when} aconteceu",
    "history.missed": "registrou: {kind} de {when} não aconteceu",
    "history.sold": "registrou a venda: {details}",
    "history.lost": "registrou a perda: {details}",
    "history.trade_in": "troca: {vehicle}",
    # the list view
    "list.badge": "✉",
    "list.name": "Cliente",
    "list.status": "Status",
    "list.vehicle": "Veículo",
    "list.price": "Valor",
    "list.source": "Origem",
    "list.salesperson": "Vendedor",
    "list.activity": "Última atividade",
    "list.arrived": "Chegou em",
    "list.attention": "Atenção",
    "list.all": "Todos",
    "list.empty": "Nenhum lead aqui",
    "list.sorted_by": "Ordem: {column} {arrow}",
    "help.needs_smart": "indisponível no plano CRM (lista: CRM Smart e CRM +Smart)",
    "board.list_plan_dropped": (
        "A loja passou para o plano CRM, que não inclui a lista: de volta aos cartões."
    ),
    # search and filters
    "search.placeholder": (
        "Buscar por nome, telefone, e-mail, veículo, origem ou mensagem (enter mantém, esc limpa)"
    ),
    "search.active": "busca: {text}",
    "filter.title": "Filtros rápidos (combinam com a busca)",
    "filter.hint": "enter liga/desliga · esc fecha · F limpa todos",
    "filter.mine": "Só os meus",
    "filter.unassigned": "Não atribuídos",
    "filter.attention": "Precisam de atenção",
    "filter.unread": "Respostas não lidas",
    "filter.overdue": "Compromisso atrasado",
    "filter.stale": "Parados ({stale}, …)",
    "filter.days": "dias em",
    "filter.source": "Origem: {value}",
    "filter.salesperson": "Vendedor: {value}",
    "filter.anyone": "todos",
    "filter.any": "todas",
    "filter.mine.short": "meus",
    "filter.unassigned.short": "não atribuídos",
    "filter.attention.short": "atenção",
    "filter.unread.short": "não lidos",
    "filter.overdue.short": "atrasados",
    "filter.stale.short": "parados",
    "filter.source.short": "origem: {source}",
    "filter.salesperson.short": "vendedor: {name}",
    "filter.cleared": "Filtros rápidos desligados",
    "prefs.unwritable": (
        "Não foi possível guardar seus filtros em {path}; eles valem só nesta sessão."
    ),
    # keys (binding descriptions, by binding id)
    "key.app.quit": "Sair",
    "key.board.column_left": "Coluna anterior",
    "key.board.column_right": "Próxima coluna",
    "key.board.open": "Abrir",
    "key.board.reply": "Responder",
    "key.board.move_next": "Avançar",
    "key.board.move_previous": "Voltar",
    "key.board.move_to": "Mover",
    "key.board.undo": "Desfazer",
    "key.board.assign_to_me": "Para mim",
    "key.board.next_urgent": "Urgente",
    "key.board.search": "Buscar",
    "key.board.filters": "Filtros",
    "key.board.clear_filters": "Limpar filtros",
    "key.board.clear_search": "Limpar a busca",
    "key.board.switch_view": "Cartões/lista",
    "key.board.sort": "Ordenar",
    "key.board.sort_reverse": "Inverter ordem",
    "key.board.list_all": "Todos os status",
    "key.board.column_1": "Ir para Nova proposta",
    "key.board.column_2": "Ir para Em negociação",
    "key.board.column_3": "Ir para Aguardando visita",
    "key.board.column_4": "Ir para Visita realizada",
    "key.board.column_5": "Ir para Vendidos",
    "key.board.column_6": "Ir para Não vendidos",
    "key.board.up": "Card acima",
    "key.board.down": "Card abaixo",
    "key.board.page_up": "Página acima",
    "key.board.page_down": "Página abaixo",
    "key.board.first": "Primeiro card",
    "key.board.last": "Último card",
    "key.board.help": "Ajuda",
    "key.lead.back": "Voltar",
    "key.lead.reply": "Responder",
    "key.lead.schedule": "Agendar",
    "key.lead.move_to": "Mover",
    "key.lead.handled": "Atendido",
    "key.lead.note": "Nota",
    "key.lead.whatsapp": "WhatsApp",
    "key.lead.new_negotiation": "Nova negociação",
    "key.lead.visit_result": "Compromissos",
    "key.lead.move_next": "Avançar",
    "key.lead.move_previous": "Voltar status",
    "key.lead.assign_to_me": "Para mim",
    "key.lead.assign_to": "Atribuir a…",
    "key.lead.help": "Ajuda",
    "key.help.close": "Fechar",
    "key.picker.cancel": "Cancelar",
    "key.picker.status_1": "Nova proposta",
    "key.picker.status_2": "Em negociação",
    "key.picker.status_3": "Aguardando visita",
    "key.picker.status_4": "Visita realizada",
    "key.picker.status_5": "Vendidos",
    "key.picker.status_6": "Não vendidos",
    "key.filters.close": "Fechar",
    "key.form.cancel": "Cancelar",
    "key.form.submit": "Salvar",
    "key.form.send": "Enviar",
    "key.visit.yes": "Sim",
    "key.visit.no": "Não",
    # keymap
    "keymap.title": "Atalhos (keymap.toml)",
    "keymap.unreadable": "Não foi possível ler {path} ({reason}); valem as teclas padrão.",
    "keymap.unknown_id": 'Ação desconhecida "{id}": ignorada (veja os ids na ajuda do README).',
    "keymap.bad_key": 'Tecla inválida "{key}" para "{id}": vale a tecla padrão.',
    # palette
    "palette.filter_on": "Filtro: {name}",
    "palette.filter_off": "Tirar o filtro: {name}",
    "palette.filter.help": "Filtros rápidos (f)",
    "palette.language": "Idioma: English",
    "palette.jump": "Ir para {name} · {status} · #{lead_id}",
    "palette.jump.help": "Seleciona o lead no quadro",
    # store settings (cockpit settings; domain/store_settings.py)
    "cli.settings": "mostra ou muda as configurações da loja",
    "cli.settings.reset": "volta a CHAVE ao valor padrão",
    "settings.unset": "(não definido)",
    "settings.secret_set": "definido",
    "settings.default": "padrão",
    "error.setting.invalid": "Valor inválido para {key}.",
    "error.setting.unknown": "Configuração desconhecida: {key}. As configurações são: {keys}.",
    "error.setting.int_range": (
        "Valor inválido para {key}: use um número inteiro de {low} a {high}."
    ),
    "error.setting.choices": "Valor inválido para {key}: use um destes: {choices}.",
    "error.setting.too_long": "Valor longo demais para {key}: no máximo {limit} caracteres.",
    "error.setting.token": (
        "Valor inválido para {key}: use o token como foi emitido, sem espaços."
    ),
    "error.setting.digits": "Valor inválido para {key}: use só dígitos.",
    "error.setting.timezone": (
        "Fuso horário desconhecido para {key}: use um nome como America/Sao_Paulo."
    ),
    "error.setting.url": "Endereço inválido para {key}: use http:// ou https:// e o servidor.",
    "error.setting.reset_with_value": "Use --reset sem valor: cockpit settings CHAVE --reset",
    "error.setting.needs_key": "Informe a configuração: cockpit settings CHAVE [VALOR]",
    "setting.store_name": "store_name: o nome da loja, usado nos modelos de resposta ({loja}).",
    "setting.timezone": "timezone: o fuso horário da loja (padrão America/Sao_Paulo).",
    "setting.sla_minutes": (
        "sla_minutes: prazo da primeira resposta, em minutos úteis (1 a 1440; padrão 5)."
    ),
    "setting.distribution": (
        "distribution: off (padrão) ou round-robin (rodízio entre os vendedores na loja)."
    ),
    "setting.rescue_minutes": (
        "rescue_minutes: minutos úteis sem primeira resposta até o lead voltar ao rodízio "
        "(padrão 30; 0 = nunca)."
    ),
    "setting.retention_months": (
        "retention_months: meses sem atividade até anonimizar clientes com negociações "
        "encerradas (1 a 240, ou off; padrão off)."
    ),
    "setting.whatsapp_phone_number_id": (
        "whatsapp_phone_number_id: o id do número na API do WhatsApp Business (dígitos)."
    ),
    "setting.whatsapp_access_token": "whatsapp_access_token: o token de acesso da API (secreto).",
    "setting.whatsapp_app_secret": (
        "whatsapp_app_secret: o segredo do app, que assina os webhooks (secreto)."
    ),
    "setting.whatsapp_verify_token": (
        "whatsapp_verify_token: o token de verificação do webhook (secreto)."
    ),
    "setting.whatsapp_api_base": (
        "whatsapp_api_base: o endereço base da Graph API (padrão o da Meta, versão fixada)."
    ),
    # issue 14: the salesperson's day (leads by hand, edits, agenda, reply templates)
    "entry.name_required": "Informe o nome do cliente.",
    "entry.contact_required": "Informe um telefone ou um e-mail (pelo menos um).",
    "entry.bad_phone": "Telefone inválido: use DDD e número, como (11) 98765-4321.",
    "entry.bad_email": "E-mail inválido: confira o endereço, como nome@exemplo.com.br.",
    "entry.bad_price": "Valor inválido: use 139.900,00 ou 139900.",
    "entry.too_long": "O campo {field} é longo demais ({size} caracteres).",
    "entry.unknown_salesperson": (
        "{name} não está na equipe da loja. Vendedores: {team}. Adicione com: cockpit team add NOME"
    ),
    "error.edit_conflict": (
        "O lead {lead_id} foi alterado por outra pessoa enquanto você editava. "
        "Nada foi sobrescrito; abra-o de novo e refaça a correção."
    ),
    "appointment.same_time": "O compromisso já está nesse horário.",
    "agenda.bad_date": "Data inválida: use dd/mm/aaaa ou aaaa-mm-dd.",
    "template.empty_name": "Dê um nome ao modelo.",
    "template.name_too_long": "O nome do modelo pode ter até {limit} caracteres.",
    "template.empty_text": "O texto do modelo está vazio.",
    "template.text_too_long": "O texto do modelo pode ter até {limit} caracteres.",
    "template.unknown_placeholder": (
        "Campo desconhecido no modelo: {placeholder}. Os campos são: {known}."
    ),
    "template.bad_whatsapp": (
        "Modelo do WhatsApp inválido: informe o nome aprovado (minúsculas, dígitos e _) "
        "e o idioma (como pt_BR), os dois juntos."
    ),
    "template.unknown": "Não existe modelo chamado {name}. Veja a lista com: cockpit templates",
    "history.edited": "corrigiu {field}: {old} → {new}",
    "history.rescheduled": "remarcou {kind} de {when}",
    "history.cancelled": "cancelou {kind} de {when}",
    "history.cancelled_because": "cancelou {kind} de {when} ({reason})",
    "field.name": "nome",
    "field.phone": "telefone",
    "field.email": "e-mail",
    "field.vehicle": "veículo",
    "field.price": "valor",
    "field.source": "origem",
    "cli.add": "cria um lead digitado à mão (cliente na loja, ligação)",
    "cli.add.assign": "vendedor do lead (sem isto, o lead fica sem vendedor)",
    "cli.add.same_contact": (
        "Aviso: já há lead em aberto com esse telefone ou e-mail ({lead_ids}); "
        "o lead foi criado mesmo assim."
    ),
    "cli.edit": "corrige o cliente (nome, telefone, e-mail) ou a negociação de um lead",
    "cli.edit.field": "novo valor (vazio apaga, menos o nome)",
    "cli.edit.expect": "recusa se o lead foi movido depois desta versão",
    "cli.edit.changed": "{field}: {old} → {new}",
    "cli.edit.nothing": (
        "Diga o que corrigir: --name, --phone, --email, --vehicle, --price ou --source."
    ),
    "cli.edit.shared_contact": (
        "Aviso: outro lead em aberto já tem esse telefone ou e-mail ({lead_ids}); nada foi unido."
    ),
    "cli.edit.unchanged": "Lead {lead_id}: nada mudou.",
    "cli.agenda": "mostra os compromissos do dia (atrasados primeiro)",
    "cli.agenda.date": "o dia (padrão: hoje, no fuso da loja)",
    "cli.agenda.everyone": "de toda a loja (sem isto, só os seus)",
    "cli.agenda.title": "Agenda de {day} ({scope})",
    "cli.agenda.scope_mine": "só os seus",
    "cli.agenda.scope_all": "toda a loja",
    "cli.agenda.empty": "Nenhum compromisso.",
    "cli.agenda.overdue": "atrasado",
    "cli.agenda.occurred": "aconteceu",
    "cli.agenda.missed": "não aconteceu",
    "cli.templates": "mostra ou muda os modelos de resposta da loja",
    "cli.templates.action": (
        "add: cria (ou substitui) um modelo; remove: apaga um; whatsapp NOME MODELO [IDIOMA]: "
        "liga-o a um modelo aprovado do WhatsApp (idioma pt_BR se omitido)"
    ),
    "cli.templates.marketing": "marca o modelo como mensagem de marketing (pede consentimento)",
    "cli.templates.needs_name": "Diga o nome: cockpit templates {action} NOME",
    "cli.templates.needs_text": "Diga o texto: cockpit templates add NOME TEXTO",
    "cli.templates.extra": "TEXTO e --marketing só valem com add.",
    "cli.templates.added": "Modelo {name} criado.",
    "cli.templates.replaced": "Modelo {name} atualizado.",
    "cli.templates.removed": "Modelo {name} apagado.",
    "cli.templates.empty": (
        "A loja ainda não tem modelos. Crie um com: cockpit templates add NOME TEXTO"
    ),
    "cli.templates.marketing_tag": "marketing",
    # -- issue 19: customers' rights under the LGPD ---------------------------------
    "cli.customer": "encontra, exporta ou apaga os dados de um cliente (LGPD)",
    "cli.customer.action": "find (encontrar), export (exportar) ou erase (apagar)",
    "cli.customer.id": "o número do cliente (mostrado por 'customer find')",
    "cli.customer.phone": "encontrar pelo telefone",
    "cli.customer.email": "encontrar pelo e-mail",
    "cli.customer.name": "encontrar pelo nome (parte dele basta)",
    "cli.customer.out": "gravar a exportação neste arquivo (padrão: a saída)",
    "cli.customer.yes": "apagar sem perguntar",
    "cli.customer_needs_id": "Diga o número do cliente: cockpit customer {action} ID_CLIENTE.",
    "cli.customer_none": "Nenhum cliente encontrado.",
    "cli.customer_exporting": "Exportando o cliente",
    "cli.customer_exported": "Dados do cliente #{customer_id} gravados em {path}.",
    "cli.customer_already_erased": "O cliente #{customer_id} já foi anonimizado.",
    "cli.customer_erase_preview": (
        "Vai apagar os dados pessoais de {name} (cliente #{customer_id}): nome, telefone, "
        "e-mail e o texto de {messages} mensagem(ns) e {notes} nota(s), em {leads} "
        "negociação(ões). As negociações, status, datas e resultados ficam, para os "
        "relatórios. Não dá para desfazer."
    ),
    "cli.customer_erase_confirm": "Apagar? [s/N] ",
    "cli.customer_erase_needs_yes": (
        "Sem terminal para confirmar: rode de novo com --yes para apagar."
    ),
    "cli.customer_erase_cancelled": "Nada foi apagado.",
    "cli.customer_erased": "Cliente #{customer_id} anonimizado; a ação ficou na auditoria.",
    "cli.customer_backups_warning": (
        "Atenção: cópias de segurança feitas antes ainda contêm os dados desta pessoa. "
        "Cópias conhecidas pela loja:"
    ),
    "cli.customer_backups_none": (
        "  (nenhuma registrada; cópias feitas fora do cockpit também contêm os dados)"
    ),
    "error.customer_not_found": "Não há cliente com o número {customer_id}.",
    "error.customer_find_one": "Use um critério: --phone, --email ou --name.",
    "error.erase_in_flight": (
        "O cliente #{customer_id} tem resposta aguardando entrega na fila de saída "
        "(mensagens {ids}): apague depois que ela for entregue."
    ),
    "error.export_unwritable": "Não foi possível gravar {path}: verifique a pasta e a permissão.",
    "error.retention_off": (
        "A retenção está desligada: defina o prazo com cockpit settings retention_months 24."
    ),
    "intake.bad_consent": (
        "consentimento inválido (use sim/não, canais como 'whatsapp, email' ou "
        '{{"whatsapp": true}})'
    ),
    "cli.retention": "anonimiza clientes guardados além do prazo da loja (retention_months)",
    "cli.retention.action": "run: aplica a retenção agora",
    "cli.retention.dry_run": "só contar, sem apagar nada",
    "cli.retention_progress": "Anonimizando clientes",
    "cli.retention_dry": (
        "{count} clientes seriam anonimizados (sem atividade desde {since}, prazo de "
        "{months} meses)."
    ),
    "cli.retention_done": (
        "{count} clientes anonimizados (sem atividade desde {since}, prazo de {months} meses)."
    ),
    "cli.retention_skipped": (
        "{count} clientes ficaram para a próxima vez: há resposta aguardando entrega."
    ),
    "cli.audit": "lista a auditoria: exportações, apagamentos, retenção e cópias",
    "cli.audit.since": "só a partir desta data (dd/mm/aaaa ou ISO 8601)",
    "cli.audit_bad_since": "Data inválida: {value} (use dd/mm/aaaa ou ISO 8601).",
    "cli.audit_empty": "Nenhum registro de auditoria.",
    "audit.customer.export": "exportação",
    "audit.customer.erase": "apagamento",
    "audit.retention.run": "retenção",
    "audit.store.backup": "cópia de segurança",
    # issue 14, round 2: the screens (new lead, agenda, templates, edit, appointments)
    "key.board.new_lead": "Novo lead",
    "key.board.agenda": "Agenda",
    "new_lead.title": "Novo lead (cliente na loja, ligação)",
    "new_lead.hint": "Tab: próximo campo · ctrl+s: salvar · esc: cancelar",
    "new_lead.name": "Nome do cliente",
    "new_lead.phone": "Telefone (com DDD)",
    "new_lead.email": "E-mail",
    "new_lead.vehicle": "Veículo de interesse",
    "new_lead.price": "Valor",
    "new_lead.source": "Origem",
    "new_lead.assignee": "Vendedor",
    "new_lead.nobody": "Ninguém (sem vendedor)",
    "new_lead.message": "Primeira nota (o que o cliente pediu)",
    "new_lead.same_contact": (
        "Já existe o lead #{lead_id} em aberto com esse contato: {name} ({status}). "
        "enter abre esse lead; ctrl+s cria o novo mesmo assim."
    ),
    "new_lead.created": "Lead #{lead_id} criado no topo de Nova proposta.",
    "key.agenda.back": "Voltar",
    "key.agenda.open": "Abrir",
    "key.agenda.scope": "Só meus/loja toda",
    "key.agenda.previous_day": "Dia anterior",
    "key.agenda.next_day": "Próximo dia",
    "key.agenda.help": "Ajuda",
    "agenda.loading": "Agenda — carregando…",
    "agenda.title": "Agenda — {day} ({scope})",
    "agenda.mine": "só meus",
    "agenda.everyone": "loja toda",
    "agenda.empty_mine": "Nenhum compromisso seu neste dia. l mostra os da loja toda.",
    "agenda.empty_store": "Nenhum compromisso da loja neste dia.",
    "agenda.nobody": "sem vendedor",
    "agenda.overdue": "atrasado",
    "agenda.happened": "aconteceu",
    "agenda.missed": "não aconteceu",
    "key.reply.templates": "Modelos",
    "reply.hint": "ctrl+t insere um modelo · ctrl+s ou ctrl+j envia · esc guarda o rascunho",
    "template_picker.title": "Modelos de resposta",
    "template_picker.hint": "digite para filtrar · ↑↓ escolhe · enter insere · esc volta",
    "template_picker.placeholder": "nome ou trecho do modelo",
    "template_picker.none": "Nenhum modelo com esse texto. Crie com: cockpit templates add",
    "template_picker.choose": "Escolha um modelo da lista.",
    "key.lead.edit": "Corrigir",
    "edit_lead.title": "Corrigir {name}",
    "edit_lead.shared": (
        "Atenção: o lead {lead_ids} (outro cliente) tem o mesmo contato. Nada foi juntado."
    ),
    "lead.edited": "Correção salva; o histórico mostra o antes e o depois.",
    "key.appointments.result": "Aconteceu?",
    "key.appointments.reschedule": "Remarcar",
    "key.appointments.cancel": "Cancelar compromisso",
    "appointments.title": "Compromissos pendentes",
    "appointments.hint": "enter: aconteceu? · r: remarcar · c: cancelar · esc: voltar",
    "appointments.none": "Nenhum compromisso pendente. s agenda um.",
    "appointments.reschedule_title": "Remarcar {kind}",
    "appointments.cancel_title": "Cancelar {kind}",
    "appointments.cancel_reason": "Motivo (opcional)",
    "lead.rescheduled": "Compromisso remarcado; o horário antigo fica no histórico.",
    "lead.cancelled": "Compromisso cancelado.",
    # issue 20: reliability (bad input, broken stores, backups, safe messages)
    "intake.bad_value": "campo {field} não é um texto",
    "ingest.line_too_long": "linha longa demais ({size} caracteres; máximo 262.144)",
    "error.store_busy": (
        "A base {path} está ocupada por outra gravação há mais de 15 s; nada foi "
        "alterado. Tente de novo em instantes."
    ),
    "error.store_read_only": (
        "A base {path} não aceita gravação (arquivo ou pasta somente leitura, ou "
        "imutável); nada foi alterado. Verifique as permissões."
    ),
    "error.store_io": (
        "Erro de leitura ou gravação do disco na base {path}; nada foi alterado. "
        "Verifique o disco e rode cockpit check."
    ),
    "error.store_corrupt": (
        "A base {path} está danificada: as gravações foram suspensas para não piorar. "
        "Rode cockpit check; se confirmar, feche todos os cockpit e copie a última cópia "
        "de segurança sobre ela (cockpit backup faz cópias)."
    ),
    "error.store_cannot_open": (
        "Não foi possível abrir a base {path}; verifique o caminho e as permissões."
    ),
    "error.store_connection_lost": (
        "A conexão com a base {path} caiu; o que já foi gravado está salvo. Tente de novo"
        " quando o servidor voltar."
    ),
    "error.disk_full": (
        "Disco cheio ao gravar em {path}; nada foi alterado. Libere espaço e tente de novo."
    ),
    "error.cannot_write": (
        "Sem permissão para gravar em {path}. Escolha outra pasta ou ajuste as permissões."
    ),
    "error.not_a_folder": "{path}: uma parte do caminho é um arquivo, não uma pasta.",
    "error.is_a_folder": "{path} é uma pasta; informe um arquivo.",
    "error.no_such_path": "{path} não existe.",
    "error.os_failure": "Falha do sistema em {path}: {reason}. Nada foi alterado.",
    "error.number_too_large": "Número grande demais: nenhum registro tem esse id.",
    "error.store_not_a_file": (
        "{path} não é um arquivo de base de dados comum; nenhuma cópia foi feita."
    ),
    "error.backup_corrupt": (
        "A cópia falhou na verificação de integridade: a base {path} está danificada. "
        "Nenhum arquivo foi substituído; rode cockpit check e restaure a última cópia "
        "boa."
    ),
    "error.backup_exists": "{path} já existe; use --force para substituir.",
    "cli.backup.force": "substitui DEST se já existir",
    "cli.check": "verificação completa da base (integridade do arquivo)",
    "cli.check_ok": "Base íntegra: nenhum problema encontrado.",
    "cli.check_postgres": (
        "Base PostgreSQL: o servidor verifica as próprias páginas; nada a verificar aqui."
    ),
    "cli.check_damaged": (
        "A base está danificada ({count} problemas; as gravações ficam suspensas). Feche "
        "todos os cockpit e copie a última cópia de segurança sobre ela."
    ),
    "cli.check_problem": "problema: {problem}",
    "error.ingest_interrupted": (
        "Ingestão interrompida na linha {line} ({count} eventos aplicados antes dela; "
        "rodar de novo é seguro, eventos repetidos são ignorados): {cause}"
    ),
    "intake.incomplete_row": (
        "linha incompleta: o arquivo ainda estava sendo gravado (rode de novo quando terminar)"
    ),
    "intake.binary_file": (
        "{path} não é um arquivo de texto (CSV ou JSON); parece um arquivo binário "
        "(planilha .xlsx? salve como CSV)."
    ),
    "intake.is_folder": "{path} é uma pasta; informe o arquivo CSV ou JSON.",
    "intake.file_too_big": "{path} passa de {limit} MB; divida o arquivo em partes menores.",
    "intake.json_too_deep": (
        "O JSON tem listas ou objetos aninhados demais; cada lead deve ser um objeto simples."
    ),
    "ingest.unmatched_kept": (
        "a mensagem não corresponde a nenhum lead; guardada na fila sem lead (cockpit unmatched)"
    ),
    "cli.unmatched": "mensagens que não corresponderam a nenhum lead (fila sem lead)",
    "cli.unmatched_empty": "Nenhuma mensagem sem lead.",
    # -- issue 17: cockpit serve (event API, WhatsApp webhook, delivery) --------
    "cli.serve": "servidor: API de eventos, webhook do WhatsApp e envio da fila de saída",
    "cli.serve.host": "endereço de escuta (padrão 127.0.0.1; use um proxy com TLS na frente)",
    "cli.serve.port": "porta TCP (padrão 8470; 0 = qualquer porta livre)",
    "cli.serve.grace": (
        "segundos esperando a confirmação do WhatsApp antes de reenviar uma mensagem "
        "cujo envio foi interrompido (padrão 600)"
    ),
    "serve.bad_port": "Porta inválida: use um número de 0 a 65535.",
    "serve.bad_grace": "--in-doubt-grace não pode ser negativo.",
    "serve.cannot_listen": (
        "Não foi possível escutar em {host}:{port} ({reason}). Escolha outra porta com --port."
    ),
    "cli.token": "tokens da API de eventos: add NOME mostra um token novo, list, revoke NOME",
    "cli.token.action": "add, list ou revoke",
    "cli.token.name": "nome do token (quem vai usá-lo, ex.: site-da-loja)",
    "token.needs_name": "Diga o nome do token: cockpit token {action} NOME",
    "token.added": (
        "Token {name} criado. Guarde-o agora: ele não será mostrado de novo "
        "(a loja guarda só um resumo dele)."
    ),
    "token.revoked": "Token {name} revogado: pedidos com ele são recusados a partir de agora.",
    "token.none": "Nenhum token ativo. Crie um com: cockpit token add NOME",
    "token.exists": "Já existe um token ativo chamado {name}. Revogue-o antes ou use outro nome.",
    "token.unknown": "Nenhum token ativo se chama {name}. Veja os ativos com: cockpit token list",
    "token.bad_name": (
        "Nome de token inválido: use até 60 letras sem acento, números, ponto, hífen ou "
        "sublinhado, começando por letra ou número."
    ),
    "cli.reply": "responde a um lead pela fila de saída (as mesmas regras da tela do lead)",
    "cli.reply.text": "texto da resposta",
    "cli.reply.retry": "recoloca na fila a resposta ID que não foi enviada",
    "reply.needs_args": "Diga o lead e o texto: cockpit reply LEAD_ID TEXTO",
    "reply.retry_alone": "Use --retry ID sozinho, sem lead nem texto.",
    "reply.not_failed": "A resposta {reply_id} não está marcada como não enviada.",
    "reply.requeued": "Resposta {reply_id} de volta à fila de envio.",
    "reply.queued": "Resposta {reply_id} na fila de saída do lead {lead_id}.",
    "reply.never_wrote": (
        "O cliente do lead {lead_id} nunca escreveu: o WhatsApp só aceita texto livre até "
        "24 h depois da última mensagem do cliente. Fora dessa janela, só modelos aprovados "
        "pelo WhatsApp podem ser enviados."
    ),
    "reply.window_closed": (
        "O cliente do lead {lead_id} escreveu pela última vez há {hours} h: o WhatsApp só "
        "aceita texto livre até 24 h depois da última mensagem do cliente. Fora dessa janela, "
        "só modelos aprovados pelo WhatsApp podem ser enviados."
    ),
    "api.unauthorized": "Token ausente ou inválido: envie Authorization: Bearer TOKEN.",
    "api.too_large": "Corpo grande demais: o limite é {limit} bytes.",
    "api.not_utf8": "O corpo não é texto UTF-8.",
    "api.bad_json": "JSON malformado na linha {line}.",
    "api.empty": "Nenhum evento no corpo.",
    "api.bad_signature": "Assinatura X-Hub-Signature-256 ausente ou inválida.",
    "delivery.no_phone": "o cliente não tem telefone",
    "delivery.window_closed": "fora da janela de 24 h do WhatsApp (use um modelo aprovado)",
    "delivery.state.queued": "na fila de envio",
    "delivery.state.sending": "enviando",
    "delivery.state.retry": "nova tentativa {time}",
    "delivery.state.sent": "enviada {time}",
    "delivery.state.delivered": "entregue {time}",
    "delivery.state.read": "lida {time}",
    "delivery.state.failed": "não enviado: {error}",
    # -- issue 19 (round 2): the customer's rights on the lead screen --------------------
    "key.lead.consent": "Consentimento",
    "key.lead.erase": "Apagar dados do cliente (LGPD)",
    "key.erase.confirm": "Apagar",
    "rights.erase_title": "Apagar os dados pessoais de {name} (cliente #{customer_id})?",
    "rights.erase_hint": "enter apaga · esc cancela (nada é apagado)",
    "rights.reading_preview": "Lendo o que seria apagado…",
    "rights.erasing": "Apagando os dados do cliente #{customer_id}…",
    "rights.erased_line": (
        "Dados pessoais apagados em {when} (LGPD). Cópias de segurança feitas antes ainda "
        "contêm esses dados."
    ),
    "consent.label": "Consentimento",
    "consent.channel.whatsapp": "WhatsApp",
    "consent.channel.sms": "SMS",
    "consent.channel.email": "E-mail",
    "consent.channel.phone": "Telefone",
    "consent.none": "não perguntado: {channels}",
    "consent.state.granted": "concedido",
    "consent.state.revoked": "revogado",
    "consent.when": "{when} ({source})",
    "consent.source.import": "importação",
    "consent.source.ingest": "integração",
    "consent.source.lead_screen": "tela do lead",
    "consent.source.whatsapp": "pediu para parar no WhatsApp",
    "consent.source.command": "linha de comando",
    "consent.form_title": "Consentimento de {name}",
    "consent.hint": "↑/↓ e espaço escolhem · tab muda de lista · ctrl+s grava · esc fecha",
    "consent.channel": "Canal",
    "consent.state": "O cliente",
    "consent.channel_now": "{channel} (hoje: {now})",
    "consent.now.granted": "concedido",
    "consent.now.revoked": "revogado",
    "consent.now.none": "não perguntado",
    "consent.set.granted": "concedeu (aceita receber mensagens por este canal)",
    "consent.set.revoked": "revogou (não quer mais mensagens por este canal)",
    "consent.recorded.granted": "Consentimento registrado ({channel}).",
    "consent.recorded.revoked": "Revogação registrada ({channel}).",
    "form.choose_channel": "Escolha o canal (↑/↓ e espaço).",
    "form.choose_consent": "Escolha se o cliente concedeu ou revogou.",
    "error.marketing_revoked": (
        'O cliente revogou o consentimento no WhatsApp: o modelo de marketing "{template}" '
        "não pode ser enviado. Respostas à pergunta do cliente continuam permitidas."
    ),
    "error.marketing_not_asked": (
        'O cliente não deu consentimento no WhatsApp: o modelo de marketing "{template}" só '
        "pode ser enviado depois que ele aceitar (c na tela do lead registra)."
    ),
    # -- issue 15: speed-to-lead (business time, duty, distribution, rescue) --
    "setting.business_hours": (
        "business_hours: horário de atendimento por dia da semana, em que o relógio de "
        "resposta corre (padrão seg-sex 08:00-18:00; sab 08:00-13:00)."
    ),
    "setting.holidays": (
        "holidays: feriados em que o relógio para: BR (nacionais), BR-SP (nacionais e do "
        "estado) ou off (padrão BR)."
    ),
    "setting.extra_holidays": (
        "extra_holidays: outros dias em que a loja fecha, como 24/12/2026, 31/12/2026."
    ),
    "error.setting.hours_format": (
        "Horário inválido para {key}: use dias e horários, como seg-sex 08:00-18:00; "
        "sab 08:00-13:00"
    ),
    "error.setting.hours_day": (
        "Dia desconhecido em {key}: {day}. Use seg, ter, qua, qui, sex, sab, dom (ou mon … sun)."
    ),
    "error.setting.hours_time": "Horário inválido em {key}: {time}. Use 08:00 ou 8h30.",
    "error.setting.hours_order": "Intervalo invertido em {key}: {period} termina antes de começar.",
    "error.setting.hours_overlap": "Intervalos sobrepostos em {key} na {day}.",
    "error.setting.hours_empty": (
        "{key} precisa de ao menos um horário aberto, como seg-sex 08:00-18:00."
    ),
    "error.setting.holiday_region": (
        "Região de feriados inválida para {key}: use BR, BR-SP (país e estado) ou off."
    ),
    "error.setting.holiday_subdivision": (
        "Estado desconhecido em {key} para {country}: use um destes: {subdivisions}."
    ),
    "error.setting.holiday_date": "Data inválida em {key}: {date}. Use dd/mm/aaaa.",
    "cli.duty": "mostra ou muda quem está na loja (de plantão para o rodízio de leads)",
    "cli.duty.action": "in: entra no plantão; out: sai do plantão",
    "cli.duty_needs_name": "Informe o nome: cockpit duty {action} NOME",
    "cli.duty_in": "{name} está na loja e entra no rodízio.",
    "cli.duty_already_in": "{name} já estava na loja.",
    "cli.duty_out": "{name} saiu da loja e do rodízio.",
    "cli.duty_not_in": "{name} não estava na loja.",
    "cli.duty_nobody": "Ninguém está na loja. Entre com: cockpit duty in NOME",
    "cli.duty_line": "{name}  na loja desde {since}",
    "cli.rescue": "repassa ao próximo da loja os leads sem resposta no prazo (rescue_minutes)",
    "cli.rescue_off": (
        "O resgate está desligado: use cockpit settings distribution round-robin e "
        "rescue_minutes maior que 0."
    ),
    "cli.rescue_none": "Nenhum lead para resgatar.",
    "cli.rescue_line": (
        "Lead #{lead_id}: de {previous} para {name} ({minutes} min úteis sem resposta)"
    ),
    "cli.rescue_line_unassigned": (
        "Lead #{lead_id}: de {previous} para Não atribuído, ninguém na loja "
        "({minutes} min úteis sem resposta)"
    ),
    "history.distributed": "distribuído para {name} (rodízio)",
    "history.rescued": "repassado para {name} (resgate: sem primeira resposta no prazo)",
    "history.rescued_unassigned": (
        "deixou sem vendedor (resgate: sem primeira resposta no prazo, ninguém na loja)"
    ),
    # issue 16: the manager's report (cockpit report, the Indicadores screen)
    "cli.report": (
        "indicadores de um período: funil, origens, vendedores, perdas (texto, JSON ou CSV)"
    ),
    "cli.report.period": "período: hoje, 7 ou 30 dias, este mês, mês passado (padrão 30d)",
    "cli.report.from": "primeiro dia (27/11/2026 ou 2026-11-27); com --to",
    "cli.report.to": "último dia, incluído; com --from",
    "cli.report.csv": "uma tabela CSV por seção (UTF-8 com BOM, para o Excel)",
    "cli.report.period_and_range": "Use --period ou --from/--to, não os dois.",
    "cli.report.half_range": "Um intervalo precisa de --from e --to.",
    "cli.report.bad_day": "{value} não é uma data: use 27/11/2026 ou 2026-11-27.",
    "cli.report.bad_range": (
        "O intervalo precisa terminar no dia do início ou depois, e ter no máximo 366 dias."
    ),
    "report.period_line": "Período: {first} a {last}",
    "report.counted_by_arrival": (
        "Cada lead conta no período em que chegou (dias no fuso da loja)."
    ),
    "report.summary_line": (
        "Chegaram {arrived} · vendidos {sold} · não vendidos {lost} · conversão {conversion}"
        " · vendas {total}"
    ),
    "report.response_line": (
        "Primeira resposta: mediana {median}, 90% até {p90}; {share} no prazo de {sla} min"
        " úteis; {unanswered} sem resposta"
    ),
    "report.funnel": "Funil (leads do período que passaram por cada etapa)",
    "report.by_source": "Por origem",
    "report.by_salesperson": "Por vendedor (venda conta para quem tinha o lead ao vender)",
    "report.lost_reasons": "Motivos de perda",
    "report.daily": "Por dia (chegaram, vendidos, mediana da 1ª resposta)",
    "report.pipeline": "Em aberto agora (leads, valor pedido, parados)",
    "report.stale_count": "{count} parados",
    "report.no_source": "(sem origem)",
    "report.unassigned": "(não atribuído)",
    "report.col.name": "Nome",
    "report.col.arrived": "Chegaram",
    "report.col.sold": "Vendidos",
    "report.col.conversion": "Conversão",
    "report.col.sales": "Vendas",
    "report.col.within_sla": "No prazo",
    "report.col.median": "Mediana",
    "report.col.p90": "P90",
    "lost_reason.unrecorded": "Sem motivo registrado",
    "key.board.reports": "Indicadores",
    "key.reports.close": "Voltar",
    "key.reports.today": "Hoje",
    "key.reports.days_7": "7 dias",
    "key.reports.days_30": "30 dias",
    "key.reports.month": "Este mês",
    "key.reports.last_month": "Mês passado",
    "key.reports.range": "Intervalo",
    "key.reports.down": "Descer",
    "key.reports.up": "Subir",
    "reports.period.today": "Hoje",
    "reports.period.7d": "7 dias",
    "reports.period.30d": "30 dias",
    "reports.period.month": "Este mês",
    "reports.period.last-month": "Mês passado",
    "reports.period.range": "Intervalo",
    "reports.range_placeholder": (
        "primeiro e último dia: 01/11/2026 15/11/2026 (⏎ mostra, esc fecha)"
    ),
    "reports.bad_range": (
        "Digite dois dias, o primeiro antes do último, no máximo 366 dias: 01/11/2026 15/11/2026."
    ),
    "report.nothing": "nenhum no período",
    "report.day_figures": "{arrived} · {sold} · 1ª resposta {median}",
    "board.next.due_in": "{name}: vence em {span}",
    "board.next.breached": "{name}: fora do prazo há {span}",
    "board.next.appointment": "{name}: visita de hoje ou atrasada",
    "board.next.other": "{name}: nenhum prazo correndo",
    "board.next.minutes": "{minutes} min",
    "board.next.hours": "{hours} h",
    "board.next.hours_minutes": "{hours} h {minutes} min",
    "card.waiting": "aguardando {span}",
    "app.header_breached": ("{plan} · {user} · {breached} fora do prazo · {attention}"),
    # issue 13: trust on the board
    "board.moved_by": "{actor} moveu {name} para {status}",
    "board.moved_elsewhere": "{name} foi para {status}",
    "confirm.hint": "enter confirma · esc cancela",
    "confirm.move_closed": "Mover {name} de {from_label} para {to_label}?",
    "confirm.move_cancelled": "Nada mudou: o lead ficou onde estava.",
    "confirm.stopped_at_closed": "Parado em {status}: tecle de novo e confirme para sair.",
    "key.confirm.yes": "Confirmar",
    "key.confirm.no": "Cancelar",
    "picker.already_there": "O lead já está em {status}.",
    "picker.not_a_status": "{key} não é um status: tecle de 1 a 6.",
    "form.too_far_ahead": "Agende no máximo 12 meses à frente.",
    "form.not_happened_yet": "Ainda não chegou a hora desse compromisso.",
    "form.zero_price": "O valor da venda não pode ser zero.",
    "form.unusual_price": "{price} longe do anunciado ({asking}): enter de novo confirma.",
    # issue 20: the board says it has just created a store
    "app.new_store": (
        "Base de dados nova, vazia, criada em {store}. Não era essa? Saia (q) e use --db."
    ),
    # issue 17 (round 3): approved WhatsApp templates outside the 24-hour window
    "reply.template_not_approved": (
        "O modelo {template} não está ligado a um modelo aprovado do WhatsApp: "
        "ligue com cockpit templates whatsapp."
    ),
    "reply.template_missing_value": (
        "O modelo usa {placeholder}, que este lead não tem: corrija o lead (e) ou escolha "
        "outro modelo."
    ),
    "reply_template.choose": "Modelos aprovados pelo WhatsApp:",
    "reply_template.none": (
        "Nenhum modelo da loja está ligado a um modelo aprovado do WhatsApp. Ligue um com: "
        "cockpit templates whatsapp NOME MODELO_APROVADO pt_BR"
    ),
    "reply_template.hint": "↑↓ escolhe · enter ou ctrl+s envia o modelo · esc guarda o rascunho",
    "reply_template.hint_none": "esc fecha",
    "cli.templates.off": "com whatsapp: desliga o modelo do modelo aprovado do WhatsApp",
    "cli.templates.whatsapp_usage": (
        "Use: cockpit templates whatsapp NOME MODELO_APROVADO [IDIOMA] "
        "(ou cockpit templates whatsapp NOME --off)"
    ),
    "cli.templates.whatsapp_only": "IDIOMA e --off só valem com whatsapp.",
    "cli.templates.linked": (
        "Modelo {name} ligado ao modelo aprovado do WhatsApp {whatsapp} ({language})."
    ),
    "cli.templates.unlinked": "Modelo {name} desligado do WhatsApp.",
    "cli.templates.whatsapp_tag": "WhatsApp: {whatsapp}, {language}",
    "cli.reply.template": "envia o modelo NOME da loja (ligado a um modelo aprovado do WhatsApp)",
    "reply.text_or_template": "Use o texto ou --template NOME, não os dois.",
    "api.store_failed": (
        "A base de dados não pôde gravar agora; nada deste pedido foi guardado. "
        "Envie de novo em alguns segundos."
    ),
    "key.lead.retry_replies": "Reenviar",
    "lead.replies_retried": "Respostas de volta à fila de envio: {count}",
    "lead.nothing_to_retry": "Nenhuma resposta não enviada neste lead.",
    # -- issue 15 (round 3): alerts, the duty toggle, the next-lead marker, the wait column --
    "alert.title": "Alerta",
    "alert.new_lead": "Lead novo: {name} — {source}",
    "alert.reply": "{name} respondeu — {source}",
    "alert.due_soon": "{name} — {source}: o prazo de resposta está acabando",
    "alert.rescued_from": (
        "{name} — {source}: sem primeira resposta no prazo, foi repassado para {other}"
    ),
    "alert.rescued_from_nobody": (
        "{name} — {source}: sem primeira resposta no prazo, ficou sem vendedor (ninguém na loja)"
    ),
    "alert.rescued_to": "{name} — {source}: repassado para você (resgate, era de {other})",
    "alert.no_source": "origem não informada",
    "alert.more": "e mais {count} alertas",
    "alerts.mode.on": "ligados",
    "alerts.mode.mine": "só os meus leads",
    "alerts.mode.off": "desligados",
    "alerts.now": "Alertas {mode}.",
    "palette.alerts": "Alertas: {mode} (mudar para: {following})",
    "palette.alerts.help": (
        "Sino e aviso quando chega lead ou resposta: dos leads que posso atender, "
        "só dos meus, ou nenhum"
    ),
    "palette.duty_in": "Entrar no plantão (estou na loja)",
    "palette.duty_out": "Sair do plantão (saí da loja)",
    "palette.duty.help": "Com rodízio ligado, os leads novos vão para quem está na loja, na vez",
    "duty.now_in": "Você está na loja: entra no rodízio dos leads novos.",
    "duty.now_out": "Você saiu do plantão: não recebe mais leads do rodízio.",
    "app.header_duty": "na loja: {names}",
    "card.next": "▶ próximo",
    "list.wait": "Espera",
    "cli.ingest_rescued": "Resgate: {count} leads sem primeira resposta no prazo repassados.",
    # issue 13 (r13b): nothing meaningful cut
    "app.header_short": "{user} · atenção: {attention}",
    "app.header_short_breached": "{user} · fora do prazo: {breached} · atenção: {attention}",
    "board.filters_one": "1 filtro",
    "board.filters_many": "{count} filtros",
    "app.header_tiny": "atenção: {attention}",
    "app.header_tiny_breached": "fora do prazo: {breached} · atenção: {attention}",
    "card.waiting_short": "espera {span}",
    "card.unassigned_short": "Sem dono",
    # issue 16, round 3: each column's total asking value in its header
    "key.board.values": "Valor das colunas",
    # issue 13 (round 3): messages and language (defect 9), undo of every kind, dialogs
    "palette.no_matches": "Nenhum comando encontrado",
    "palette.placeholder": "Buscar comandos…",
    "app.quit_title": "Quer sair?",
    "app.quit_hint": "Tecle {key} para sair do cockpit.",
    # plurals: "<id>.one" is used when count == 1 (i18n/translate.py)
    "app.attention_count": "{count} precisam de atenção",
    "app.attention_count.one": "1 precisa de atenção",
    "cli.unread.one": "1 não lida",
    "report.stale_count.one": "1 parado",
    "lead.unread.one": "1 não lida",
    "cli.retention_dry.one": (
        "1 cliente seria anonimizado (sem atividade desde {since}, prazo de {months} meses)."
    ),
    "cli.retention_done.one": (
        "1 cliente anonimizado (sem atividade desde {since}, prazo de {months} meses)."
    ),
    "cli.retention_skipped.one": (
        "1 cliente ficou para a próxima vez: há resposta aguardando entrega."
    ),
    "cli.check_damaged.one": (
        "A base está danificada (1 problema; as gravações ficam suspensas). Feche "
        "todos os cockpit e copie a última cópia de segurança sobre ela."
    ),
    "undo.assignment_undone": "Desfeito: {name} de volta a {owner}",
    "undo.handled_undone": "Desfeito: {name} volta a precisar de atenção",
    "undo.reassigned_since": (
        "Não dá para desfazer: o lead foi atribuído de novo depois. Nada mudou."
    ),
    "undo.worked_since": (
        "Não dá para desfazer o atendido: alguém já respondeu ou mexeu no lead depois. Nada mudou."
    ),
    "history.handled": "marcou como atendido",
    "key.lead.undo": "Desfazer",
    # Round 4 (r21p): defects from the cold user trial
    "picker.closed_by_key": "Nada movido: {key} não é opção do Mover.",
    "reply.draft_kept": "Rascunho guardado: r retoma.",
    "report.under_a_minute": "< 1 min",
    "report.arrived_count": "{count} chegaram",
    "report.arrived_count.one": "1 chegou",
    "report.sold_count": "{count} vendidos",
    "report.sold_count.one": "1 vendido",
    "alert.more.one": "e mais 1 alerta",
    "cli.ingest_rescued.one": "Resgate: 1 lead sem primeira resposta no prazo repassado.",
    "error.ingest_interrupted.one": (
        "Ingestão interrompida na linha {line} "
        "(1 evento aplicado antes dela; "
        "rodar de novo é seguro, eventos repetidos são ignorados): {cause}"
    ),
}
