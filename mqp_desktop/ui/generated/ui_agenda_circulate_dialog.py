# Automatically generated - do not edit.
# Source: forms/agenda_circulate_dialog.ui (sha256 cb38ae1d7da6cb5758bf8a1ac74c09df39e342dfba5c2f54dc02d0717288c023)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agenda_circulate_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QComboBox, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_CirculateDialog(object):
    def setupUi(self, CirculateDialog):
        if not CirculateDialog.objectName():
            CirculateDialog.setObjectName(u"CirculateDialog")
        CirculateDialog.resize(760, 640)
        CirculateDialog.setMinimumSize(QSize(720, 0))
        self.mainLayout = QVBoxLayout(CirculateDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(CirculateDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.circulateForm = QFormLayout()
        self.circulateForm.setObjectName(u"circulateForm")
        self.circulateForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kindLabel = QLabel(CirculateDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.circulateForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(CirculateDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.circulateForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.optionsRow = QHBoxLayout()
        self.optionsRow.setObjectName(u"optionsRow")
        self.deputiesCheck = QCheckBox(CirculateDialog)
        self.deputiesCheck.setObjectName(u"deputiesCheck")

        self.optionsRow.addWidget(self.deputiesCheck)

        self.separatelyCheck = QCheckBox(CirculateDialog)
        self.separatelyCheck.setObjectName(u"separatelyCheck")

        self.optionsRow.addWidget(self.separatelyCheck)

        self.optionsRowSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.optionsRow.addItem(self.optionsRowSpacer)


        self.circulateForm.setLayout(1, QFormLayout.ItemRole.SpanningRole, self.optionsRow)

        self.toLabel = QLabel(CirculateDialog)
        self.toLabel.setObjectName(u"toLabel")

        self.circulateForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.toLabel)

        self.toEdit = QPlainTextEdit(CirculateDialog)
        self.toEdit.setObjectName(u"toEdit")
        self.toEdit.setReadOnly(True)
        self.toEdit.setTabChangesFocus(True)
        self.toEdit.setMaximumSize(QSize(16777215, 70))

        self.circulateForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.toEdit)

        self.subjectLabel = QLabel(CirculateDialog)
        self.subjectLabel.setObjectName(u"subjectLabel")

        self.circulateForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.subjectLabel)

        self.subjectEdit = QLineEdit(CirculateDialog)
        self.subjectEdit.setObjectName(u"subjectEdit")

        self.circulateForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.subjectEdit)

        self.bodyLabel = QLabel(CirculateDialog)
        self.bodyLabel.setObjectName(u"bodyLabel")

        self.circulateForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.bodyLabel)

        self.bodyEdit = QPlainTextEdit(CirculateDialog)
        self.bodyEdit.setObjectName(u"bodyEdit")
        self.bodyEdit.setTabChangesFocus(True)

        self.circulateForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.bodyEdit)

        self.attachmentsLabel = QLabel(CirculateDialog)
        self.attachmentsLabel.setObjectName(u"attachmentsLabel")

        self.circulateForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.attachmentsLabel)

        self.attachmentsTable = QTableView(CirculateDialog)
        self.attachmentsTable.setObjectName(u"attachmentsTable")
        self.attachmentsTable.setMaximumSize(QSize(16777215, 130))
        self.attachmentsTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.circulateForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.attachmentsTable)

        self.totalLabel = QLabel(CirculateDialog)
        self.totalLabel.setObjectName(u"totalLabel")
        self.totalLabel.setWordWrap(True)

        self.circulateForm.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.totalLabel)


        self.mainLayout.addLayout(self.circulateForm)

        self.warningsLabel = QLabel(CirculateDialog)
        self.warningsLabel.setObjectName(u"warningsLabel")
        self.warningsLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.warningsLabel)

        self.errorLabel = QLabel(CirculateDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(CirculateDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.toLabel.setBuddy(self.toEdit)
        self.subjectLabel.setBuddy(self.subjectEdit)
        self.bodyLabel.setBuddy(self.bodyEdit)
        self.attachmentsLabel.setBuddy(self.attachmentsTable)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CirculateDialog)
        self.buttonBox.accepted.connect(CirculateDialog.accept)
        self.buttonBox.rejected.connect(CirculateDialog.reject)

        QMetaObject.connectSlotsByName(CirculateDialog)
    # setupUi

    def retranslateUi(self, CirculateDialog):
        CirculateDialog.setWindowTitle(QCoreApplication.translate("CirculateDialog", u"Circulate", None))
        self.introLabel.setText("")
        self.kindLabel.setText(QCoreApplication.translate("CirculateDialog", u"&Send:", None))
        self.deputiesCheck.setText(QCoreApplication.translate("CirculateDialog", u"Copy in &deputies", None))
#if QT_CONFIG(tooltip)
        self.deputiesCheck.setToolTip(QCoreApplication.translate("CirculateDialog", u"Deputies' addresses go in Cc", None))
#endif // QT_CONFIG(tooltip)
        self.separatelyCheck.setText(QCoreApplication.translate("CirculateDialog", u"Send the papers as &separate files", None))
#if QT_CONFIG(tooltip)
        self.separatelyCheck.setToolTip(QCoreApplication.translate("CirculateDialog", u"Each paper attached on its own instead of the one pack PDF (for a pack too large to email)", None))
#endif // QT_CONFIG(tooltip)
        self.toLabel.setText(QCoreApplication.translate("CirculateDialog", u"&To:", None))
        self.subjectLabel.setText(QCoreApplication.translate("CirculateDialog", u"Su&bject:", None))
        self.bodyLabel.setText(QCoreApplication.translate("CirculateDialog", u"&Message:", None))
        self.attachmentsLabel.setText(QCoreApplication.translate("CirculateDialog", u"Attachments:", None))
        self.totalLabel.setText("")
        self.warningsLabel.setText("")
        self.errorLabel.setText("")
    # retranslateUi

